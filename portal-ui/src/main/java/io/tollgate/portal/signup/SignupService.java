package io.tollgate.portal.signup;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-service sign-up: a new tenant on the free plan, and its first user as the tenant's administrator. */
@Service
public class SignupService {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final UUID FREE_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000f001");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    SignupService(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Transactional
    public UUID signUp(SignupRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (request.password().length() < MIN_PASSWORD_LENGTH) {
            throw new PortalException("The password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        boolean taken = jdbc.sql("select exists(select 1 from users where email = ?)").param(email)
                .query(Boolean.class).single();
        if (taken) {
            throw new PortalException("An account with this email already exists; sign in instead");
        }
        UUID tenantId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        jdbc.sql("insert into tenants (id, slug, name, plan_id, billing_email) values (?, ?, ?, ?, ?)")
                .params(tenantId, uniqueSlug(request.organisation()), request.organisation().trim(), FREE_PLAN, email)
                .update();
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, ?, ?)")
                .params(userId, email, request.displayName().trim(), passwordEncoder.encode(request.password()))
                .update();
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, 'ADMIN')")
                .params(UUID.randomUUID(), tenantId, userId)
                .update();
        audit.record(tenantId, "tenant.signup", "tenant", tenantId,
                Map.of("name", request.organisation().trim(), "adminEmail", email));
        return tenantId;
    }

    private String uniqueSlug(String organisation) {
        String base = Normalizer.normalize(organisation, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() < 2) {
            base = "tenant";
        }
        base = base.substring(0, Math.min(base.length(), 40));
        String slug = base;
        for (int n = 2; slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private boolean slugTaken(String slug) {
        return jdbc.sql("select exists(select 1 from tenants where slug = ?)").param(slug).query(Boolean.class)
                .single();
    }
}
