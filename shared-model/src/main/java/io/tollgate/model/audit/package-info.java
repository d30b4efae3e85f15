/** The append-only record of who changed what. */
@NullMarked
package io.tollgate.model.audit;

import org.jspecify.annotations.NullMarked;
