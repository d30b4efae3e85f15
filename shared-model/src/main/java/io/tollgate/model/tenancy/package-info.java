/**
 * Which tenant a Hibernate session works for. Every tenant-owned entity carries Hibernate's {@code @TenantId}: each
 * query and load by id of such an entity is restricted to the session's tenant, and a new row gets it, so a
 * tenant-scoped query cannot forget its tenant.
 */
@NullMarked
package io.tollgate.model.tenancy;

import org.jspecify.annotations.NullMarked;
