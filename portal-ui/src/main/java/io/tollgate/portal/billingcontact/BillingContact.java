package io.tollgate.portal.billingcontact;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The tenant's billing e-mail as read, with the tenant's version that a change names. */
public record BillingContact(@Nullable String email, long version) {

    public Optional<String> address() {
        return Optional.ofNullable(email);
    }
}
