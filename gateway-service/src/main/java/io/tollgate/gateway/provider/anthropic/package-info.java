/** The Anthropic Messages provider: request, response and stream translation. */
@NullMarked
package io.tollgate.gateway.provider.anthropic;

import org.jspecify.annotations.NullMarked;
