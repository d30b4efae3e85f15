package io.tollgate.model.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's one lockout rule for password sign-ins, on {@code users.failed_login_count} and
 * {@code users.locked_until}: every service that checks passwords (the portal's sign-in, billing's HTTP Basic)
 * counts into the same columns, so wrong guesses add up wherever they are made and a lock holds everywhere.
 * Secrets presented without an account (the management API's access tokens) are counted by the same rule per client
 * address, in {@code client_auth_failures}: a guess names no account whose owner could be locked out instead.
 */
@Component
@EnableConfigurationProperties(LoginLockoutProperties.class)
public class LoginLockout {

    private final JdbcClient jdbc;
    private final LoginLockoutProperties properties;

    LoginLockout(JdbcClient jdbc, LoginLockoutProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public boolean isLocked(@Nullable Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a failure; the failure that reaches the limit locks the account and starts a fresh count. Whether this
     * failure locked it.
     */
    public boolean recordFailure(UUID userId, Instant now) {
        return jdbc.sql("""
                        update users set
                            locked_until = case when failed_login_count + 1 >= :max then :until else locked_until end,
                            failed_login_count = case when failed_login_count + 1 >= :max then 0
                                                      else failed_login_count + 1 end,
                            updated_at = now()
                        where id = :id
                        returning failed_login_count = 0""")
                .param("max", properties.maxFailedAttempts())
                .param("until", Timestamp.from(now.plus(properties.lockDuration())))
                .param("id", userId)
                .query(Boolean.class)
                .optional().orElse(false);
    }

    /** The rule, for what the audit log says of a lockout. */
    public String describe() {
        return "locked for " + properties.lockDuration() + " after " + properties.maxFailedAttempts() + " wrong passwords";
    }

    /** A right password ends the count; writes only when there is a count to end (billing checks every request). */
    public void recordSuccess(UUID userId) {
        jdbc.sql("""
                        update users set failed_login_count = 0, locked_until = null, updated_at = now()
                        where id = :id and (failed_login_count <> 0 or locked_until is not null)""")
                .param("id", userId)
                .update();
    }

    public boolean isClientLocked(String clientAddress, Instant now) {
        return jdbc.sql("select locked_until from client_auth_failures where client_address = :client")
                .param("client", clientAddress)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("locked_until");
                    return isLocked(until == null ? null : until.toInstant(), now);
                })
                .optional().orElse(false);
    }

    /**
     * Counts a wrong secret from the client; the one that reaches the limit locks the client. A count left alone for
     * a lock's duration starts again, so a client's rare mistakes never add up to a lock. Whether this one locked it.
     */
    public boolean recordClientFailure(String clientAddress, Instant now) {
        int count = jdbc.sql("""
                        insert into client_auth_failures as f (client_address, failed_count, updated_at)
                        values (:client, 1, :now)
                        on conflict (client_address) do update set
                            failed_count = case when f.updated_at < :stale then 1 else f.failed_count + 1 end,
                            updated_at = :now
                        returning failed_count""")
                .param("client", clientAddress)
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(properties.lockDuration())))
                .query(Integer.class).single();
        if (count < properties.maxFailedAttempts()) {
            return false;
        }
        jdbc.sql("update client_auth_failures set failed_count = 0, locked_until = :until where client_address = :client")
                .param("until", Timestamp.from(now.plus(properties.lockDuration())))
                .param("client", clientAddress)
                .update();
        return true;
    }

    /** A right secret ends the client's count. */
    public void recordClientSuccess(String clientAddress) {
        jdbc.sql("delete from client_auth_failures where client_address = :client")
                .param("client", clientAddress)
                .update();
    }
}
