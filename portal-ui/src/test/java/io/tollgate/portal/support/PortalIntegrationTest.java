package io.tollgate.portal.support;

import io.tollgate.testsupport.PostgresIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The one application context every portal integration and browser test shares: a real server on a real database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tollgate.secrets.api-key-secret=" + PortalIntegrationTest.API_KEY_SECRET,
        "tollgate.gateway.url=http://gateway.test:8080",
        "tollgate.admin.email=" + PortalIntegrationTest.ADMIN_EMAIL,
        "tollgate.admin.password=" + PortalIntegrationTest.ADMIN_PASSWORD,
        "tollgate.secrets.master-keys=test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "vaadin.launch-browser=false",
        "vaadin.productionMode=true"})
public @interface PortalIntegrationTest {

    String API_KEY_SECRET = "test-secret-test-secret-test-secret-0123456789";
    String ADMIN_EMAIL = "platform-admin@tollgate.test";
    String ADMIN_PASSWORD = "admin-password-for-tests";
}
