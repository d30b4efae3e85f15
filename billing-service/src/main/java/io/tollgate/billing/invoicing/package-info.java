@NullMarked
package io.tollgate.billing.invoicing;

import org.jspecify.annotations.NullMarked;
