/**
 * The Amazon Bedrock provider: Converse and Titan embeddings, SigV4 signing, request, response and stream translation.
 */
@NullMarked
package io.tollgate.gateway.provider.bedrock;

import org.jspecify.annotations.NullMarked;
