@NullMarked
package io.tollgate.invoicepdf;

import org.jspecify.annotations.NullMarked;
