/** Platform staff and their roles. */
@NullMarked
package io.tollgate.portal.admin.staff;

import org.jspecify.annotations.NullMarked;
