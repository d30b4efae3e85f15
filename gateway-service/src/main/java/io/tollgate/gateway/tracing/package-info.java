/** OpenTelemetry spans of model requests and their provider attempts, and the trace context sent upstream. */
@NullMarked
package io.tollgate.gateway.tracing;

import org.jspecify.annotations.NullMarked;
