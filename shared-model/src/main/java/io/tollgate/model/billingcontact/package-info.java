/** A tenant's billing e-mail contacts: where budget alert e-mails go and whom invoices name. */
@NullMarked
package io.tollgate.model.billingcontact;

import org.jspecify.annotations.NullMarked;
