/** Providers, their encrypted credentials and deployments, kept by platform administrators. */
@NullMarked
package io.tollgate.portal.admin.providers;

import org.jspecify.annotations.NullMarked;
