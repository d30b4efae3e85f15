/** The OpenAI provider and OpenAI-compatible servers (vLLM, NIM, Ollama): bodies forwarded unchanged where possible. */
@NullMarked
package io.tollgate.gateway.provider.openai;

import org.jspecify.annotations.NullMarked;
