/** The billing service: usage rollups, chargebacks, invoices, exports, Stripe sync and budget alerts. */
@NullMarked
package io.tollgate.billing;

import org.jspecify.annotations.NullMarked;
