/** A tenant's billing e-mail contact, where invoices and budget alerts go. */
@NullMarked
package io.tollgate.portal.billingcontact;

import org.jspecify.annotations.NullMarked;
