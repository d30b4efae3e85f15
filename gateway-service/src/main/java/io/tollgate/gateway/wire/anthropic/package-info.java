/** Anthropic's Messages wire format, as records, shared by the inbound API and the provider. */
@NullMarked
package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.NullMarked;
