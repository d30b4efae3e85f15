/** The limits a plan (tier) or a subscription grants. */
@NullMarked
package io.tollgate.model.plan;

import org.jspecify.annotations.NullMarked;
