/**
 * The HTTP edge: routes of the client API, request ids, reading bodies, calling the provider and ending each request in
 * one place.
 */
@NullMarked
package io.tollgate.gateway.api;

import org.jspecify.annotations.NullMarked;
