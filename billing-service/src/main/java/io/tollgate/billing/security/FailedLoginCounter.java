package io.tollgate.billing.security;

import io.tollgate.model.account.LoginLockout;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts HTTP Basic attempts into the platform's lockout ({@link LoginLockout}, the portal's sign-in counts into
 * the same columns): a wrong password is a failure, a right one ends the count. A locked account is refused before
 * its password is checked ({@link BillingUser#isAccountNonLocked()}), so guesses made while locked count nothing.
 */
@Component
class FailedLoginCounter {

    private final LoginLockout lockout;
    private final JdbcClient jdbc;
    private final Clock clock;

    FailedLoginCounter(LoginLockout lockout, JdbcClient jdbc, Clock clock) {
        this.lockout = lockout;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        jdbc.sql("select id from users where email = :email")
                .param("email", event.getAuthentication().getName().toLowerCase(Locale.ROOT).strip())
                .query(UUID.class).optional()
                .ifPresent(user -> lockout.recordFailure(user, clock.instant()));
    }

    @EventListener
    void rightPassword(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof BillingUser user) {
            lockout.recordSuccess(user.id());
        }
    }
}
