/** OpenAI's wire format, as records. */
@NullMarked
package io.tollgate.gateway.provider.openai.schema;

import org.jspecify.annotations.NullMarked;
