package io.tollgate.portal.security;

import io.tollgate.model.account.LoginLockout;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in against the users table, with the platform's lockout after repeated failures
 * ({@link LoginLockout}, which billing's HTTP Basic counts into too). Unknown emails still pay for a password check
 * so response times do not reveal which accounts exist.
 */
@Component
class PasswordLoginProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Wrong email or password";

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginLockout lockout;
    private final Clock clock;
    private final String unknownUserHash;

    PasswordLoginProvider(UserAccounts accounts, PasswordEncoder passwordEncoder, LoginLockout lockout,
                          Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.lockout = lockout;
        this.clock = clock;
        this.unknownUserHash = passwordEncoder.encode("unknown-user-placeholder");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName().trim().toLowerCase(Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        var found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, unknownUserHash);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        var account = found.get();
        Instant now = clock.instant();
        if (!"ACTIVE".equals(account.status())) {
            throw new DisabledException("This account is disabled");
        }
        if (lockout.isLocked(account.lockedUntil(), now)) {
            throw new LockedException("Too many failed sign-ins; try again later");
        }
        if (account.passwordHash() == null || !passwordEncoder.matches(password, account.passwordHash())) {
            lockout.recordFailure(account.id(), now);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        accounts.recordSuccess(account.id(), now);
        PortalUser user = accounts.toPortalUser(account);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
