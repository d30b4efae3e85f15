/** Access tokens of the management API: made and revoked in the portal, checked on every API request. */
@NullMarked
package io.tollgate.portal.tokens;

import org.jspecify.annotations.NullMarked;
