/** Apps' subscriptions to models and their state machine (pending, approved, rejected, revoked). */
@NullMarked
package io.tollgate.model.subscription;

import org.jspecify.annotations.NullMarked;
