/** The model catalog's shared values: provider types and effective-dated prices. */
@NullMarked
package io.tollgate.model.catalog;

import org.jspecify.annotations.NullMarked;
