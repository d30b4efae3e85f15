@NullMarked
package io.tollgate.billing.markup;

import org.jspecify.annotations.NullMarked;
