/** Plans (tiers) and their limits, kept by platform administrators. */
@NullMarked
package io.tollgate.portal.admin.plans;

import org.jspecify.annotations.NullMarked;
