/** A tenant's billing e-mail contacts, where budget alerts are e-mailed and what invoices name. */
@NullMarked
package io.tollgate.portal.billingcontact;

import org.jspecify.annotations.NullMarked;
