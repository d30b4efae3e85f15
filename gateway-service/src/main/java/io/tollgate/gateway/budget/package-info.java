/** Budgets checked before a request (block or downgrade) and the spend shared by all replicas through PostgreSQL. */
@NullMarked
package io.tollgate.gateway.budget;

import org.jspecify.annotations.NullMarked;
