@NullMarked
package io.tollgate.billing.stripe;

import org.jspecify.annotations.NullMarked;
