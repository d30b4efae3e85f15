/** Small helpers the portal's features share: form and grid helpers, money formatting, errors. */
@NullMarked
package io.tollgate.portal.common;

import org.jspecify.annotations.NullMarked;
