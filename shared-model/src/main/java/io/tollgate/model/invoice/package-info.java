/**
 * Invoices and their lines: an aggregate whose lifecycle (issue, mark paid, void, the Stripe copy) and immutability
 * once issued are the entity's own methods. Month close writes the lines with SQL.
 */
@NullMarked
package io.tollgate.model.invoice;

import org.jspecify.annotations.NullMarked;
