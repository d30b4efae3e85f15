/** Webhook delivery every service shares: the signed sender, its address guard and event names. */
@NullMarked
package io.tollgate.model.webhook;

import org.jspecify.annotations.NullMarked;
