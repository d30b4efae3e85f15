@NullMarked
package io.tollgate.billing.rollup;

import org.jspecify.annotations.NullMarked;
