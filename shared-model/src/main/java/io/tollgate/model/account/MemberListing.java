package io.tollgate.model.account;

import java.util.UUID;

/** A member of the session's tenant as the members list shows them: the account and its role. */
public record MemberListing(UUID userId, String email, String displayName, TenantRole role) {
}
