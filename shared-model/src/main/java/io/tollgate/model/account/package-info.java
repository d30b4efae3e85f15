/**
 * Tenants, accounts, memberships and invitations; role names and the sign-in lockout rule every service shares.
 * Memberships and invitations are tenant-owned ({@code @TenantId}). A tenant row is its own owner and an account is
 * global (a person may belong to several tenants), so neither carries one: a tenant reaches its own row by its acting
 * tenant's id, and its members' accounts through its memberships.
 */
@NullMarked
package io.tollgate.model.account;

import org.jspecify.annotations.NullMarked;
