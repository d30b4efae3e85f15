/** The chain of policies every model request passes, and the typed context and request facts they share. */
@NullMarked
package io.tollgate.gateway.pipeline;

import org.jspecify.annotations.NullMarked;
