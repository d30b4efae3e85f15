/** Tenants as platform administrators see them, and their ceilings. */
@NullMarked
package io.tollgate.portal.admin.tenants;

import org.jspecify.annotations.NullMarked;
