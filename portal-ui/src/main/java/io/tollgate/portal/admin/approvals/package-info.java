/** Platform administrators approve or reject subscription requests and adjust approved ones. */
@NullMarked
package io.tollgate.portal.admin.approvals;

import org.jspecify.annotations.NullMarked;
