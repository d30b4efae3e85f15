/** The Google Gemini provider (AI Studio and Vertex AI): request, response and stream translation. */
@NullMarked
package io.tollgate.gateway.provider.gemini;

import org.jspecify.annotations.NullMarked;
