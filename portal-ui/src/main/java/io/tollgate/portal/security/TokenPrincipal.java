package io.tollgate.portal.security;

import java.io.Serializable;
import java.util.UUID;

/**
 * A management API caller: the access token and the user it acts as. A personal token acts as its owner; a service
 * token carries the scope and role it was made with and acts in the name of whoever made it, so the services see an
 * ordinary {@link PortalUser} either way and apply their one rule.
 */
public record TokenPrincipal(PortalUser user, UUID tokenId, String tokenName, boolean personal)
        implements Serializable {

    /** How the audit log names the actor: the person for a personal token, the token itself for a service token. */
    public String actorName() {
        return personal ? user.email() : "service token " + tokenName;
    }
}
