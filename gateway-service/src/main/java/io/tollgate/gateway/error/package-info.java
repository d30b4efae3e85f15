/**
 * Errors as values (a rejection with status, type and code) and the one writer that renders them in the caller's API
 * shape.
 */
@NullMarked
package io.tollgate.gateway.error;

import org.jspecify.annotations.NullMarked;
