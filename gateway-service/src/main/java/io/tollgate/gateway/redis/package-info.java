/** The gateway's connections to Redis, shared by the rate limits, the routing state and the response cache. */
@NullMarked
package io.tollgate.gateway.redis;

import org.jspecify.annotations.NullMarked;
