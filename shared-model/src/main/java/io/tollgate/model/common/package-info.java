/** Small values every service shares: exact money and token counts. */
@NullMarked
package io.tollgate.model.common;

import org.jspecify.annotations.NullMarked;
