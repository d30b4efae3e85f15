/** A tenant's budgets and alert thresholds. */
@NullMarked
package io.tollgate.portal.budgets;

import org.jspecify.annotations.NullMarked;
