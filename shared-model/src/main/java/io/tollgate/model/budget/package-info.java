/** Budgets per tenant, app or app and model, the spend counted against them and the alerts they raise. */
@NullMarked
package io.tollgate.model.budget;

import org.jspecify.annotations.NullMarked;
