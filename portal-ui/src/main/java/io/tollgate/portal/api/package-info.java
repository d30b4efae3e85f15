/**
 * The management API under {@code /api/v1}: Spring MVC controllers over the same services as the portal's screens
 * (each service method holds the one authorization rule), authenticated by access tokens in a stateless filter chain
 * of its own, with RFC 9457 problem details, cursor pages, idempotent creation and versioned updates.
 */
@NullMarked
package io.tollgate.portal.api;

import org.jspecify.annotations.NullMarked;
