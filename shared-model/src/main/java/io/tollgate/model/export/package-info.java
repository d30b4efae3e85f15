/** Files finance and tenants download: the platform's one CSV writer. */
@NullMarked
package io.tollgate.model.export;

import org.jspecify.annotations.NullMarked;
