package io.tollgate.portal.members;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accepting an invitation link: anyone holding the one-time token may use it once, before it expires. */
@Service
public class InvitationService {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock;

    InvitationService(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the account (or adds the existing one to the tenant) and burns the token; returns the email. */
    @Transactional
    public String accept(String token, String displayName, String password) {
        record Invitation(UUID id, UUID tenantId, String email, String role) {
        }
        Invitation invitation = jdbc.sql("""
                        select id, tenant_id, email, role from invitations
                        where token_hash = ? and accepted_at is null and expires_at > ? for update""")
                .params(InvitationTokens.hash(token), Sql.timestamp(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new PortalException("This invitation is invalid, used or expired"));
        UUID userId = jdbc.sql("select id from users where email = ?").param(invitation.email()).query(UUID.class)
                .optional().orElse(null);
        if (userId == null) {
            if (password.length() < MIN_PASSWORD_LENGTH || displayName.isBlank()) {
                throw new PortalException("Give your name and a password of at least " + MIN_PASSWORD_LENGTH
                        + " characters");
            }
            userId = UUID.randomUUID();
            jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, ?, ?)")
                    .params(userId, invitation.email(), displayName.trim(), passwordEncoder.encode(password)).update();
        }
        jdbc.sql("""
                        insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)
                        on conflict (tenant_id, user_id) do update set role = excluded.role""")
                .params(UUID.randomUUID(), invitation.tenantId(), userId, invitation.role()).update();
        jdbc.sql("update invitations set accepted_at = ? where id = ?")
                .params(Sql.timestamp(clock.instant()), invitation.id()).update();
        audit.record(invitation.tenantId(), "member.join", "user", userId,
                Map.of("email", invitation.email(), "role", invitation.role()));
        return invitation.email();
    }
}
