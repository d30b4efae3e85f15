/** Metered usage: one event per request, and the daily rollups billing folds the events into. */
@NullMarked
package io.tollgate.model.usage;

import org.jspecify.annotations.NullMarked;
