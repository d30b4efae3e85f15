/** A tenant's members and the invitations that add them. */
@NullMarked
package io.tollgate.portal.members;

import org.jspecify.annotations.NullMarked;
