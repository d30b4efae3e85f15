package io.tollgate.billing.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A tenant's webhook endpoint on a real local port: checks the HMAC signature and answers scripted statuses. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String eventId, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final String secret;
    private final Queue<Integer> scriptedStatuses = new ConcurrentLinkedQueue<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;

    WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("Tollgate-Signature");
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Tollgate-Event-Id"), body,
                    verify(signature, body)));
            sleep(delayMillis);
            Integer status = scriptedStatuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answerNext(Integer... statuses) {
        scriptedStatuses.addAll(List.of(statuses));
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private boolean verify(String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String timestamp = header.substring(2, header.indexOf(','));
        String expected = hmacHex(secret, timestamp + "." + body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.substring(header.indexOf("v1=") + 3).getBytes(StandardCharsets.US_ASCII));
    }

    /** Computed here, as a receiver would, rather than with the sender's own code. */
    private static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
