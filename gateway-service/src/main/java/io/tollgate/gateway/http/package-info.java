/** Small HTTP and JSON helpers every feature shares. */
@NullMarked
package io.tollgate.gateway.http;

import org.jspecify.annotations.NullMarked;
