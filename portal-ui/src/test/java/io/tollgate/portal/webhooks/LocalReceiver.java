package io.tollgate.portal.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A tenant's webhook endpoint on a real local port, answering a fixed status and keeping what it received. */
final class LocalReceiver implements AutoCloseable {

    record Received(String eventId, String eventType, String signature, String body) {

        /**
         * Checks the signature as a receiver would, with its own HMAC code and the secret it was shown: any of the
         * header's v1 values (two during a secret rotation's grace period) may match.
         */
        boolean signedWith(String secret) {
            if (signature == null || !signature.matches("t=\\d+(,v1=[0-9a-f]{64})+")) {
                return false;
            }
            String timestamp = signature.substring(2, signature.indexOf(','));
            byte[] expected = hmacHex(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
            return signatures().stream().anyMatch(v1 -> MessageDigest.isEqual(expected,
                    v1.getBytes(StandardCharsets.US_ASCII)));
        }

        List<String> signatures() {
            return Arrays.stream(signature.split(",")).filter(part -> part.startsWith("v1="))
                    .map(part -> part.substring(3)).toList();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile String location;

    LocalReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Tollgate-Event-Id"), headers.getFirst("Tollgate-Event-Type"),
                    headers.getFirst("Tollgate-Signature"), body));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    void answer(int status) {
        this.status = status;
    }

    /** Answers every post with a temporary redirect there. */
    void redirectTo(String url) {
        this.location = url;
        this.status = 307;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
