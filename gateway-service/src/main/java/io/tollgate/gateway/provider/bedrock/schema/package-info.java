/** Bedrock's wire format, as records. */
@NullMarked
package io.tollgate.gateway.provider.bedrock.schema;

import org.jspecify.annotations.NullMarked;
