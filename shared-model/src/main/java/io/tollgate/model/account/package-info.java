/** Tenants, users, their memberships in tenants and the invitations that create memberships. */
@NullMarked
package io.tollgate.model.account;

import org.jspecify.annotations.NullMarked;
