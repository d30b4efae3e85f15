@NullMarked
package io.tollgate.billing.chargeback;

import org.jspecify.annotations.NullMarked;
