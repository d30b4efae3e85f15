package io.tollgate.billing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tollgate.billing.rollup.UsageRollup;
import io.tollgate.testsupport.FakeStripe;
import io.tollgate.testsupport.MutableClock;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the billing tests (shared, so it starts once): real PostgreSQL, a real HTTP port,
 * scheduled jobs off, a clock the tests move, and local stand-ins for SMTP and Stripe.
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tollgate.secrets.dev-defaults=true",
        "tollgate.billing.jobs.enabled=false",
        "tollgate.billing.rollup.safety-lag=0s",
        // the webhook receivers listen on this machine
        "tollgate.webhooks.allow-private-targets=true"})
@Import(BillingIntegrationTest.TestClock.class)
public abstract class BillingIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected UsageRollup rollup;

    /** The SMTP server alert e-mails go to; shared by the whole test JVM like the Spring context. */
    protected static final GreenMail SMTP = startSmtp();

    /** Stripe's API as a local stub; Stripe is "configured" in every billing test. */
    protected static final FakeStripe STRIPE = new FakeStripe();
    protected static final String STRIPE_WEBHOOK_SECRET = "whsec_local_test";

    @LocalServerPort
    protected int port;

    protected TestData data;

    @BeforeEach
    void setUpTestData() {
        data = new TestData(jdbc);
    }

    @DynamicPropertySource
    static void localStandIns(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("tollgate.billing.stripe.api-key", () -> "sk_test_local");
        registry.add("tollgate.billing.stripe.api-base", STRIPE::baseUrl);
        registry.add("tollgate.billing.stripe.webhook-secret", () -> STRIPE_WEBHOOK_SECRET);
    }

    private static GreenMail startSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return greenMail;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2030-01-15T12:00:00Z"));
        }
    }
}
