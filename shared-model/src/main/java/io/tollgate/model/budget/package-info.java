/** A tenant's spend caps at tenant, app or app and model scope, with the alert thresholds and the action at 100%. */
@NullMarked
package io.tollgate.model.budget;

import org.jspecify.annotations.NullMarked;
