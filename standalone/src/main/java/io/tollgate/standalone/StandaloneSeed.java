package io.tollgate.standalone;

import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyHasher;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Seeds what a standalone installation shows on first start, in one transaction: the platform administrator
 * and the demo (catalog and tenant). Idempotent: on later starts it adds only what is missing and returns no
 * notices, so no secret is ever printed twice. Demo rows live here, never in the migrations.
 */
final class StandaloneSeed {

    private final PlatformAdminSeed admin;
    private final DemoCatalogSeed catalog = new DemoCatalogSeed();
    private final DemoTenantSeed tenant;

    StandaloneSeed(StandaloneSettings settings, ApiKeyHasher hasher) {
        // the portal checks passwords with the same delegating format ("{bcrypt}...")
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        this.admin = new PlatformAdminSeed(settings, passwords);
        this.tenant = new DemoTenantSeed(passwords, new ApiKeyGenerator(hasher), settings.demoApiKey());
    }

    /** The lines to show once: generated passwords and the generated demo key. */
    List<String> run(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SeedStatements sql = new SeedStatements(connection);
                PlatformAdminSeed.Seeded seededAdmin = admin.ensure(sql);
                Map<String, UUID> models = catalog.ensure(sql);
                List<String> notices = new ArrayList<>();
                seededAdmin.notice().ifPresent(notices::add);
                notices.addAll(tenant.ensure(sql, seededAdmin.userId(), models));
                connection.commit();
                return notices;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StartupException("could not seed the demo: " + e.getMessage(), e);
        }
    }
}
