package io.tollgate.portal.tokens;

import java.time.Instant;

/**
 * A token as requested: kind PERSONAL (acts as its maker, and only while the maker keeps the role it was made under)
 * or SERVICE (acts for the scope itself); a role of the scope (tenant ADMIN, DEVELOPER, BILLING; platform ADMIN,
 * FINANCE); an expiry within a year.
 */
public record AccessTokenDraft(String kind, String name, String role, Instant expiresAt) {
}
