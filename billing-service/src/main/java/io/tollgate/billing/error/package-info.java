@NullMarked
package io.tollgate.billing.error;

import org.jspecify.annotations.NullMarked;
