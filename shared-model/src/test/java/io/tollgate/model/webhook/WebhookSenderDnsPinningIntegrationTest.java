package io.tollgate.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery resolves the webhook's name once, checks those addresses and connects to exactly them: a name that
 * answers a public address to the check and a private one afterwards (DNS rebinding) never reaches the private one.
 * The receiver listens on loopback, the private address; the names exist only in the scripted resolver. Over TLS the
 * connection to the address still presents the name (SNI) and checks the certificate against it.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class WebhookSenderDnsPinningIntegrationTest {

    /** TEST-NET-1 (RFC 5737): public to the guard, and nothing answers there. */
    static final String PUBLIC_ADDRESS = "192.0.2.10";
    static final String KEYSTORE_PASSWORD = "receiver-keystore";
    /** Where nothing answers, the attempt ends this soon. */
    static final WebhookProperties SHORT_TIMEOUT = new WebhookProperties(Duration.ofMillis(500), false);
    /** Ample for a local receiver (a first TLS handshake included) on a busy machine. */
    static final WebhookProperties LOCAL_TIMEOUT = new WebhookProperties(Duration.ofSeconds(15), false);

    @Autowired
    TenantTransactions tenants;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    HttpServer receiver;
    final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aReceiverOnLoopback() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_name_answering_public_then_private_is_never_delivered_to_the_private_address() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        WebhookHostResolver rebinding = host -> {
            assertThat(host).isEqualTo("hooks.rebind.test");
            String answer = lookups.getAndIncrement() == 0 ? PUBLIC_ADDRESS : "127.0.0.1";
            return new InetAddress[] {InetAddress.getByName(answer)};
        };
        WebhookTarget target = target("http://hooks.rebind.test:" + port() + "/hook");

        try (WebhookSender sender = sender(new WebhookAddressGuard(false, rebinding), SHORT_TIMEOUT)) {
            WebhookDeliveryOutcome first = sender.deliver(target, UUID.randomUUID(), "webhook.test", "{}");

            assertThat(lookups).as("one lookup: the one checked is the one connected to").hasValue(1);
            assertThat(first.delivered()).isFalse();
            assertThat(first.error()).as("it went to the public address, where nothing answers")
                    .contains("unreachable");
            assertThat(hostHeaders).as("the private receiver got nothing").isEmpty();

            WebhookDeliveryOutcome second = sender.deliver(target, UUID.randomUUID(), "webhook.test", "{}");

            assertThat(lookups).as("every delivery looks up and checks again").hasValue(2);
            assertThat(second.delivered()).isFalse();
            assertThat(second.error()).contains("not called").contains("hooks.rebind.test resolves to 127.0.0.1")
                    .contains("loopback");
            assertThat(hostHeaders).isEmpty();
        }
    }

    @Test
    void a_delivery_connects_to_the_checked_address_and_names_the_webhooks_host() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        WebhookHostResolver scripted = host -> {
            lookups.incrementAndGet();
            if (!host.equals("hooks.tenant.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };

        try (WebhookSender sender = sender(new WebhookAddressGuard(true, scripted), LOCAL_TIMEOUT)) {
            WebhookDeliveryOutcome outcome = sender.deliver(target("http://hooks.tenant.test:" + port() + "/hook"),
                    UUID.randomUUID(), "webhook.test", "{}");

            assertThat(outcome.delivered()).as("%s", outcome.error()).isTrue();
            assertThat(outcome.httpStatus()).isEqualTo(200);
        }
        assertThat(lookups).hasValue(1);
        assertThat(hostHeaders).containsExactly("hooks.tenant.test:" + port());
    }

    @Test
    void an_address_written_in_the_url_is_checked_as_well() throws IOException {
        try (WebhookSender sender = sender(new WebhookAddressGuard(false, WebhookHostResolver.SYSTEM), LOCAL_TIMEOUT)) {
            WebhookDeliveryOutcome outcome = sender.deliver(target("http://127.0.0.1:" + port() + "/hook"),
                    UUID.randomUUID(), "webhook.test", "{}");

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).contains("not called").contains("loopback");
        }
        assertThat(hostHeaders).isEmpty();
    }

    @Test
    void over_tls_the_name_is_the_sni_and_the_certificate_is_checked_against_it(@TempDir Path dir) throws Exception {
        Path keystore = selfSignedKeystore(dir, "hooks.tenant.test");
        List<List<SNIServerName>> serverNames = new CopyOnWriteArrayList<>();
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
        tls.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            serverNames.add(((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession())
                    .getRequestedServerNames());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        tls.start();
        // both names lead to the loopback receiver, whose certificate names only the first
        WebhookHostResolver scripted = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        int port = tls.getAddress().getPort();
        try (WebhookSender sender = trusting(keystore, () -> sender(new WebhookAddressGuard(true, scripted), LOCAL_TIMEOUT))) {
            WebhookDeliveryOutcome named = sender.deliver(target("https://hooks.tenant.test:" + port + "/hook"),
                    UUID.randomUUID(), "webhook.test", "{}");
            WebhookDeliveryOutcome impostor = sender.deliver(target("https://impostor.tenant.test:" + port + "/hook"),
                    UUID.randomUUID(), "webhook.test", "{}");

            assertThat(named.delivered()).as("%s", named.error()).isTrue();
            assertThat(serverNames).singleElement().asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactly(new SNIHostName("hooks.tenant.test"));
            assertThat(impostor.delivered()).as("a certificate for another name").isFalse();
            assertThat(impostor.error()).contains("unreachable");
        } finally {
            tls.stop(0);
        }
    }

    /** A key pair and a self-signed certificate for the name only (no IP address), made by the JDK's keytool. */
    private static Path selfSignedKeystore(Path dir, String name) throws IOException, InterruptedException {
        Path keystore = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return keystore;
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance(keystore.toFile(), KEYSTORE_PASSWORD.toCharArray());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, KEYSTORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * The sender takes the JVM's default trust when it is made; for that moment the default is the receiver's
     * certificate, then it is put back.
     */
    private static WebhookSender trusting(Path keystore, Supplier<WebhookSender> make) {
        String previous = System.getProperty("javax.net.ssl.trustStore");
        String previousPassword = System.getProperty("javax.net.ssl.trustStorePassword");
        System.setProperty("javax.net.ssl.trustStore", keystore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", KEYSTORE_PASSWORD);
        try {
            return make.get();
        } finally {
            restore("javax.net.ssl.trustStore", previous);
            restore("javax.net.ssl.trustStorePassword", previousPassword);
        }
    }

    private static void restore(String property, @Nullable String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private WebhookSender sender(WebhookAddressGuard guard, WebhookProperties timeout) {
        return new WebhookSender(cipher, jdbc, clock, timeout, guard);
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private WebhookTarget target(String url) {
        UUID tenantId = tenants.newTenant();
        UUID id = UUID.randomUUID();
        EncryptedSecret secret = cipher.encrypt("whsec_pinning", id.toString());
        jdbc.sql("""
                        insert into webhooks (id, tenant_id, url, secret_ciphertext, secret_key_id)
                        values (?, ?, ?, ?, ?)""")
                .params(id, tenantId, url, secret.ciphertext(), secret.keyId())
                .update();
        return jdbc.sql("select " + WebhookTarget.COLUMNS + " from webhooks w where w.id = ?").param(id)
                .query((rs, row) -> WebhookTarget.read(tenantId, rs)).single();
    }
}
