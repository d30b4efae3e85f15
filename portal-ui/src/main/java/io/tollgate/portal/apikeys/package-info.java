/** A tenant's API keys: created (shown once), listed and revoked. */
@NullMarked
package io.tollgate.portal.apikeys;

import org.jspecify.annotations.NullMarked;
