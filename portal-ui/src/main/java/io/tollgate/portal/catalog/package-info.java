/** The model catalog as tenants see it. */
@NullMarked
package io.tollgate.portal.catalog;

import org.jspecify.annotations.NullMarked;
