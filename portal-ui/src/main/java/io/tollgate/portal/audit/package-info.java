/** The audit log every portal change writes to, in the change's transaction. */
@NullMarked
package io.tollgate.portal.audit;

import org.jspecify.annotations.NullMarked;
