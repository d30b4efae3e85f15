package io.tollgate.gateway.provider.gemini;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.gateway.support.Exchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google over real HTTP, answering with the documented fixtures under {@code fixtures/gemini}: AI Studio under
 * {@code /v1beta/models/} (checks {@code x-goog-api-key}), Vertex AI under {@code /v1/projects/{project}/locations/
 * {location}/publishers/google/models/} (checks a bearer token this server issued), and an OAuth token endpoint:
 * {@code /token} checks the service account's signature on its JWT and issues {@code vertex-token-N} for an hour,
 * {@code /token-short} for two seconds; {@code /token-revoked} answers 400 {@code invalid_grant}.
 */
final class FakeGemini implements AutoCloseable {

    static final String API_KEY = "AIzaSyFakeGeminiKey0123456789";

    private static final Pattern AI_STUDIO = Pattern.compile("/v1beta/models/([^/:]+):(\\w+)");
    private static final Pattern VERTEX = Pattern.compile(
            "/v1/projects/([^/]+)/locations/([^/]+)/publishers/google/models/([^/:]+):(\\w+)");

    record Received(String path, String query, String credential, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile PublicKey serviceAccountKey;

    private FakeGemini(HttpServer server) {
        this.server = server;
    }

    static FakeGemini start(PublicKey serviceAccountKey) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            var fake = new FakeGemini(server);
            fake.serviceAccountKey = serviceAccountKey;
            server.createContext("/v1beta/", fake::aiStudio);
            server.createContext("/v1/", fake::vertex);
            server.createContext("/token", fake::token);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received(String model) {
        return received.stream().filter(r -> r.path().contains("/models/" + model + ":")).toList();
    }

    /** How many tokens the token endpoint has issued. */
    int tokensIssued() {
        return tokens.get();
    }

    private void aiStudio(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = read(exchange);
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("x-goog-api-key"));
            Matcher path = AI_STUDIO.matcher(exchange.getRequestURI().getPath());
            if (!key.equals(API_KEY)) {
                Exchanges.json(exchange, 400, GeminiFixtures.bytes("error-400-api-key-invalid.json"));
            } else if (!path.matches()) {
                Exchanges.json(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}".getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, path.group(2), body);
            }
        }
    }

    private void vertex(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = read(exchange);
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Matcher path = VERTEX.matcher(exchange.getRequestURI().getPath());
            if (!authorization.startsWith("Bearer ") || !issued.contains(authorization.substring(7))) {
                Exchanges.json(exchange, 401, ("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
                        + "credentials.\",\"status\":\"UNAUTHENTICATED\"}}").getBytes(StandardCharsets.UTF_8));
            } else if (!path.matches()) {
                Exchanges.json(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}".getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, path.group(4), body);
            }
        }
    }

    private void answer(HttpExchange exchange, String method, String body) throws IOException {
        switch (method) {
            case "generateContent" -> Exchanges.json(exchange, 200, GeminiFixtures.bytes(toolTurn(body)
                    ? "generate-response-tool-call.json" : "generate-response.json"));
            case "streamGenerateContent" -> {
                if (!"alt=sse".equals(exchange.getRequestURI().getQuery())) {
                    Exchanges.json(exchange, 400, GeminiFixtures.bytes("error-400-invalid-argument.json"));
                    return;
                }
                Exchanges.events(exchange, GeminiFixtures.text(toolTurn(body) ? "stream-tool-call.sse" : "stream.sse"));
            }
            case "batchEmbedContents" -> Exchanges.json(exchange, 200, GeminiFixtures.bytes("batch-embed-response.json"));
            case "predict" -> Exchanges.json(exchange, 200, GeminiFixtures.bytes("predict-response.json"));
            default -> Exchanges.json(exchange, 404, GeminiFixtures.bytes("error-400-invalid-argument.json"));
        }
    }

    /** A request offering tools with no function result yet is answered with function calls. */
    private static boolean toolTurn(String body) {
        return body.contains("functionDeclarations") && !body.contains("functionResponse");
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = read(exchange);
            if (exchange.getRequestURI().getPath().equals("/token-revoked")) {
                Exchanges.json(exchange, 400, GeminiFixtures.bytes("token-invalid-grant.json"));
                return;
            }
            String assertion = "";
            for (String pair : form.split("&")) {
                if (pair.startsWith("assertion=")) {
                    assertion = URLDecoder.decode(pair.substring("assertion=".length()), StandardCharsets.UTF_8);
                }
            }
            if (!signedByServiceAccount(assertion)) {
                Exchanges.json(exchange, 400, GeminiFixtures.bytes("token-invalid-grant.json"));
                return;
            }
            String token = "vertex-token-" + tokens.incrementAndGet();
            issued.add(token);
            int lifetime = exchange.getRequestURI().getPath().equals("/token-short") ? 2 : 3600;
            Exchanges.json(exchange, 200, ("{\"access_token\":\"" + token + "\",\"expires_in\":" + lifetime
                    + ",\"token_type\":\"Bearer\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean signedByServiceAccount(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(serviceAccountKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            return false;
        }
    }

    private void record(HttpExchange exchange, String body, String credential) {
        received.add(new Received(exchange.getRequestURI().getPath(), String.valueOf(exchange.getRequestURI().getQuery()),
                credential, body));
    }

    private String read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String credential = exchange.getRequestHeaders().containsKey("x-goog-api-key")
                ? "key:" + exchange.getRequestHeaders().getFirst("x-goog-api-key")
                : String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        record(exchange, body, credential);
        return body;
    }



    @Override
    public void close() {
        server.stop(0);
    }
}
