/** Platform administrators read the audit log. */
@NullMarked
package io.tollgate.portal.admin.audit;

import org.jspecify.annotations.NullMarked;
