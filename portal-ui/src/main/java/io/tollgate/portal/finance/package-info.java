/** Chargebacks and invoices for finance, with their exports. */
@NullMarked
package io.tollgate.portal.finance;

import org.jspecify.annotations.NullMarked;
