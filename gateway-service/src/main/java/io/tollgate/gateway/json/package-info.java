/** JSON read straight from a body's bytes, as Jackson's parser reads it, without making what is passed over. */
@NullMarked
package io.tollgate.gateway.json;

import org.jspecify.annotations.NullMarked;
