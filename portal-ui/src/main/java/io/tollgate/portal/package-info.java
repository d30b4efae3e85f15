/** The portal: Vaadin screens and services for tenants, developers, platform administrators and finance. */
@NullMarked
package io.tollgate.portal;

import org.jspecify.annotations.NullMarked;
