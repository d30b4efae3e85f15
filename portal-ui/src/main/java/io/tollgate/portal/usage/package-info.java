/** A tenant's usage, filtered and totalled, down to single events. */
@NullMarked
package io.tollgate.portal.usage;

import org.jspecify.annotations.NullMarked;
