/** A tenant's own invoices. */
@NullMarked
package io.tollgate.portal.invoices;

import org.jspecify.annotations.NullMarked;
