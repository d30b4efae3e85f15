/** The model catalog, prices and routing of each model, kept by platform administrators. */
@NullMarked
package io.tollgate.portal.admin.models;

import org.jspecify.annotations.NullMarked;
