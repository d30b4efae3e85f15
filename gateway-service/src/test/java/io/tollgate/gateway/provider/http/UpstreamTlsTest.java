package io.tollgate.gateway.provider.http;

import static io.tollgate.gateway.provider.http.ScriptedServer.answer;
import static io.tollgate.gateway.provider.http.ScriptedServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.handler.ssl.SslContextBuilder;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.support.BlockHoundSupport;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.HttpResources;

/** https providers: TLS with the provider's name sent (SNI) and checked against its certificate. */
class UpstreamTlsTest {

    private static final char[] PASSWORD = "password".toCharArray();
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private static ScriptedServer server;
    private static UpstreamConnections connections;
    private final UpstreamClient client = new UpstreamClient(headers -> { }, Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** A certificate for {@code localhost} only, made with the JDK's keytool, trusted by the client alone. */
    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        BlockHoundSupport.install();
        Path store = dir.resolve("localhost.p12");
        var keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "password", "-keypass", "password")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        var keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        var tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = new ScriptedServer(tls.getServerSocketFactory(), (request, out) -> {
            write(out, answer(200, "{\"secure\":true}"));
            return true;
        });
        var trusted = SslContextBuilder.forClient().trustManager((X509Certificate) keys.getCertificate("localhost"))
                .endpointIdentificationAlgorithm("HTTPS").build();
        connections = new UpstreamConnections(HttpResources::get, trusted, Clock.systemUTC(), 10, 10,
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        connections.close();
        server.close();
    }

    @Test
    void a_provider_whose_certificate_names_it_is_reached_over_tls() {
        var answer = connections.post(client, URI.create("https://localhost:" + server.port() + "/v1/chat/completions"),
                BODY, null).block(Duration.ofSeconds(10));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"secure\":true}");
        assertThat(server.received().getFirst().head()).contains("\nhost: localhost:" + server.port());
    }

    @Test
    void a_certificate_for_another_name_is_refused() {
        var failure = catchThrowableOfType(RejectedException.class, () -> connections.post(client,
                URI.create("https://127.0.0.1:" + server.port() + "/v1/chat/completions"), BODY, null)
                .block(Duration.ofSeconds(10)));

        assertThat(failure.rejection().status()).isEqualTo(502);
        assertThat(server.received()).noneMatch(request -> request.head().contains("127.0.0.1"));
    }
}
