/** Tenants' webhook endpoints, with their signing secrets stored encrypted. */
@NullMarked
package io.tollgate.model.webhook;

import org.jspecify.annotations.NullMarked;
