/** Anthropic's Messages API as a second inbound shape, translated to and from the gateway's chat requests. */
@NullMarked
package io.tollgate.gateway.inbound.anthropic;

import org.jspecify.annotations.NullMarked;
