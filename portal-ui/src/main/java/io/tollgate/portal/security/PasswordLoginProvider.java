package io.tollgate.portal.security;

import io.tollgate.model.account.LoginLockout;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in against the users table, with the platform's lockout after repeated
 * failures ({@link LoginLockout}, which billing's HTTP Basic counts into too). Every refusal — unknown
 * email, disabled or locked account, wrong password — gives the same answer after the same work (one password
 * check, one audit record), so neither the answer nor its timing tells which accounts exist or are locked. Each
 * sign-in, failure and lockout is in the audit log with the reason, which only administrators see.
 */
@Component
class PasswordLoginProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Wrong email or password";

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginLockout lockout;
    private final AuditTrail audit;
    private final Clock clock;
    private final String unknownUserHash;

    PasswordLoginProvider(UserAccounts accounts, PasswordEncoder passwordEncoder, LoginLockout lockout,
                          AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.lockout = lockout;
        this.audit = audit;
        this.clock = clock;
        this.unknownUserHash = passwordEncoder.encode("unknown-user-placeholder");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName().trim().toLowerCase(Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        String client = clientAddress(authentication);
        var found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, unknownUserHash);
            throw refused("login.failure", null, email, client, "unknown email");
        }
        var account = found.get();
        Instant now = clock.instant();
        // an account without a password (single sign-on only) pays for the same check as the others
        String hash = account.passwordHash() != null ? account.passwordHash() : unknownUserHash;
        boolean matches = passwordEncoder.matches(password, hash) && account.passwordHash() != null;
        if (!"ACTIVE".equals(account.status())) {
            throw refused("login.failure", account, email, client, "account disabled");
        }
        if (lockout.isLocked(account.lockedUntil(), now)) {
            throw refused("login.failure", account, email, client, "account locked");
        }
        if (!matches) {
            if (lockout.recordFailure(account.id(), now)) {
                throw refused("login.lockout", account, email, client, lockout.describe());
            }
            throw refused("login.failure", account, email, client, "wrong password");
        }
        accounts.recordSuccess(account.id(), now);
        audit.recordSignIn("login.success", account.id(), account.email(), client, Map.of("method", "password"));
        PortalUser user = accounts.toPortalUser(account);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    private BadCredentialsException refused(String action, UserAccounts.@Nullable Account account, String email,
                                            @Nullable String client, String reason) {
        audit.recordSignIn(action, account == null ? null : account.id(), email, client, Map.of("reason", reason));
        return new BadCredentialsException(BAD_CREDENTIALS);
    }

    private static @Nullable String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
