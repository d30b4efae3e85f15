/** Gemini's and Vertex AI's wire format, as records. */
@NullMarked
package io.tollgate.gateway.provider.gemini.schema;

import org.jspecify.annotations.NullMarked;
