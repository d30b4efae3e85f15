/** The portal's frame: main layout, home, tenant switcher and the error handler. */
@NullMarked
package io.tollgate.portal.layout;

import org.jspecify.annotations.NullMarked;
