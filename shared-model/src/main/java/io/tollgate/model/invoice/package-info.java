/** Invoices with their lines, and the gap-free yearly invoice numbers. */
@NullMarked
package io.tollgate.model.invoice;

import org.jspecify.annotations.NullMarked;
