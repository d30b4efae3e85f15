/** The Azure OpenAI provider: deployment endpoints, Entra ID tokens and its error shapes. */
@NullMarked
package io.tollgate.gateway.provider.azure;

import org.jspecify.annotations.NullMarked;
