/** The management API's tenant scope: what a tenant's members do on the portal's screens, for a tenant token. */
@NullMarked
package io.tollgate.portal.api.tenant;

import org.jspecify.annotations.NullMarked;
