/**
 * HTTP/1.1 to providers on Netty's own pipeline: keep-alive connections pooled per address and event loop, on the
 * event loop of the request that needs them, requests written from pre-encoded bytes, answers read on demand.
 */
@NullMarked
package io.tollgate.gateway.provider.http;

import org.jspecify.annotations.NullMarked;
