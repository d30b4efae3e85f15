/** The Netty server's settings, connection limits and graceful drain on shutdown. */
@NullMarked
package io.tollgate.gateway.server;

import org.jspecify.annotations.NullMarked;
