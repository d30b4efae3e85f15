/** A tenant's registered applications and their cache settings. */
@NullMarked
package io.tollgate.portal.apps;

import org.jspecify.annotations.NullMarked;
