/** Plans (tiers) and the limits they grant. */
@NullMarked
package io.tollgate.model.plan;

import org.jspecify.annotations.NullMarked;
