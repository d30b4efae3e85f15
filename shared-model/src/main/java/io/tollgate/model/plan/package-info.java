/** The plans (tiers) tenants are put on, and the limits a plan or a subscription grants. */
@NullMarked
package io.tollgate.model.plan;

import org.jspecify.annotations.NullMarked;
