/** The management API's platform scope: what platform administrators do on the admin screens. */
@NullMarked
package io.tollgate.portal.api.platform;

import org.jspecify.annotations.NullMarked;
