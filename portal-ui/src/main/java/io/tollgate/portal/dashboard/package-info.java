/** A tenant's usage and spend at a glance. */
@NullMarked
package io.tollgate.portal.dashboard;

import org.jspecify.annotations.NullMarked;
