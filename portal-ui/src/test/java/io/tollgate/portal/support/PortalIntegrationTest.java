package io.tollgate.portal.support;

import io.tollgate.portal.browser.ClosesBrowserContexts;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context every portal test shares: a real server on the real test database. Test settings
 * live in {@code src/test/resources/config/application.yml}; the attributes here match the smoke test's so Spring
 * caches a single context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tollgate.secrets.dev-defaults=true")
@ExtendWith(ClosesBrowserContexts.class)
public @interface PortalIntegrationTest {

    // as in config/application.yml, for code outside the context: key hashes, the gateway process
    String API_KEY_SECRET = "test-secret-test-secret-test-secret-0123456789";
    String MASTER_KEYS = "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    String ADMIN_EMAIL = "platform-admin@tollgate.test";
    String ADMIN_PASSWORD = "admin-password-for-tests";
}
