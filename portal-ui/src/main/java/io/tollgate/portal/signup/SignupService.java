package io.tollgate.portal.signup;

import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.TenantMembership;
import io.tollgate.model.account.TenantMembershipRepository;
import io.tollgate.model.account.TenantRepository;
import io.tollgate.model.account.TenantRole;
import io.tollgate.model.account.UserAccount;
import io.tollgate.model.account.UserAccountRepository;
import io.tollgate.model.tenancy.PlatformScope;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.mail.Mailer;
import io.tollgate.portal.security.PasswordPolicy;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service sign-up in two steps. {@link #signUp} e-mails a confirmation link and creates nothing but a pending
 * sign-up; it answers the same whether or not the address already has an account (whose owner gets a notice
 * instead). {@link #confirm}, with the link's token and the password chosen at sign-up, creates the tenant on the
 * free plan and its first user as the tenant's administrator. Nobody acts for the new tenant yet, so the first
 * membership is written in the {@link PlatformScope}, with the whole confirmation.
 */
@Service
public class SignupService {

    private static final UUID FREE_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final String CONFIRM_ROUTE = "signup/confirm";

    private final JdbcClient jdbc;
    private final PlatformScope platform;
    private final TenantRepository tenants;
    private final UserAccountRepository accounts;
    private final TenantMembershipRepository memberships;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SignupThrottle throttle;
    private final SignupProperties properties;
    private final Mailer mailer;
    private final AuditLog audit;
    private final Clock clock;

    SignupService(JdbcClient jdbc, PlatformScope platform, TenantRepository tenants, UserAccountRepository accounts,
                  TenantMembershipRepository memberships, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                  SignupThrottle throttle, SignupProperties properties, Mailer mailer, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.tenants = tenants;
        this.accounts = accounts;
        this.memberships = memberships;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.properties = properties;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the confirmation link (or, for an address that has an account, a notice to its owner). */
    @Transactional
    public void signUp(SignupRequest request, @Nullable String clientAddress) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        throttle.acquire(email, String.valueOf(clientAddress));
        passwordPolicy.check(request.password(), email);
        // hashed on both paths, so the time taken does not tell whether the address has an account
        String passwordHash = passwordEncoder.encode(request.password());
        Instant now = clock.instant();
        jdbc.sql("delete from pending_signups where expires_at <= ?").param(Sql.timestamp(now)).update();
        if (accounts.existsByEmail(email)) {
            mailer.send(email, "Someone tried to sign up to Tollgate with your address", """
                    Someone, maybe you, tried to create a Tollgate account with this e-mail address, which already \
                    has one. Nothing was changed.

                    If it was you, sign in instead: %s
                    If it was not you, you can ignore this e-mail.
                    """.formatted(mailer.link("login")));
            return;
        }
        String token = SecretTokens.generate();
        jdbc.sql("""
                        insert into pending_signups (id, token_hash, email, organisation, display_name, password_hash,
                                                     ip_address, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), SecretTokens.hash(token), email, request.organisation().trim(),
                        request.displayName().trim(), passwordHash, clientAddress,
                        Sql.timestamp(now.plus(properties.linkValidity())))
                .update();
        mailer.send(email, "Confirm your Tollgate account", """
                To finish creating the Tollgate account of %s, open this link and enter the password you chose:

                %s

                The link works for %d hours. If you did not sign up, ignore this e-mail: nothing is created \
                without it.
                """.formatted(request.organisation().trim(), mailer.link(CONFIRM_ROUTE + "/" + token),
                properties.linkValidity().toHours()));
    }

    /** Creates the tenant and its administrator from a pending sign-up; returns the confirmed e-mail address. */
    public String confirm(String token, String password) {
        return platform.call("confirm a sign-up: a new tenant and its first administrator",
                () -> createTenant(token, password));
    }

    private String createTenant(String token, String password) {
        record Pending(UUID id, String email, String organisation, String displayName, String passwordHash) {
        }
        Pending pending = jdbc.sql("""
                        select id, email, organisation, display_name, password_hash from pending_signups
                        where token_hash = ? and expires_at > ? for update""")
                .params(SecretTokens.hash(token), Sql.timestamp(clock.instant()))
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional().orElseThrow(() -> new PortalException("This link is invalid, used or expired; sign up again"));
        if (!passwordEncoder.matches(password, pending.passwordHash())) {
            throw new PortalException("This is not the password chosen at sign-up");
        }
        jdbc.sql("delete from pending_signups where email = ?").param(pending.email()).update();
        if (accounts.existsByEmail(pending.email())) {
            throw new PortalException("This address already has an account; sign in instead");
        }
        Instant now = clock.instant();
        Tenant tenant = tenants.saveAndFlush(new Tenant(uniqueSlug(pending.organisation()), pending.organisation(),
                FREE_PLAN, now));
        // whoever signs the tenant up is its first billing contact, until its admins name others
        jdbc.sql("insert into tenant_billing_contacts (id, tenant_id, email) values (?, ?, ?)")
                .params(UUID.randomUUID(), tenant.getId(), pending.email())
                .update();
        UserAccount admin = accounts.save(new UserAccount(pending.email(), pending.displayName(),
                pending.passwordHash(), now));
        memberships.save(new TenantMembership(tenant.getId(), admin.getId(), TenantRole.ADMIN, now));
        audit.record(tenant.getId(), "tenant.signup", "tenant", tenant.getId(),
                Map.of("name", pending.organisation(), "adminEmail", pending.email()));
        return pending.email();
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
        return tenants.existsBySlug(slug);
    }
}
