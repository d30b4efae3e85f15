package io.tollgate.gateway.provider.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.gateway.support.Exchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Azure OpenAI resource over real HTTP, answering with the documented fixtures under {@code fixtures/azure}. It
 * checks what Azure checks: the {@code api-key} header or an Entra ID token it issued (401 otherwise), a known deployment in the path and the
 * {@code api-version} query (404 otherwise). The deployment {@code filtered} refuses every prompt with Azure's
 * content-filter error; a chat with tools and no tool result yet is answered with a tool call. Its Entra ID token
 * endpoint ({@code /{tenant}/oauth2/v2.0/token}) grants tokens to one app registration's client secret.
 */
final class FakeAzureOpenAi implements AutoCloseable {

    static final String API_KEY = "azure-resource-key-0123456789";
    static final String API_VERSION = "2025-04-01-preview";
    static final String TENANT = "tollgate-tenant";
    static final String CLIENT_ID = "gateway-app";
    static final String CLIENT_SECRET = "entra-client-secret-value";

    private static final Pattern PATH = Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|completions|embeddings)");

    record Received(String path, String query, String apiKey, String authorization, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokens = new AtomicInteger();

    private FakeAzureOpenAi(HttpServer server) {
        this.server = server;
    }

    static FakeAzureOpenAi start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            var fake = new FakeAzureOpenAi(server);
            server.createContext("/openai/", fake::handle);
            server.createContext("/" + TENANT + "/oauth2/v2.0/token", fake::token);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received(String deployment) {
        return received.stream().filter(r -> r.path().contains("/deployments/" + deployment + "/")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String apiKey = String.valueOf(exchange.getRequestHeaders().getFirst("api-key"));
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(new Received(path, query, apiKey, authorization, body));
            Matcher matcher = PATH.matcher(path);
            boolean entra = authorization.startsWith("Bearer ") && issued.contains(authorization.substring(7));
            if (!apiKey.equals(API_KEY) && !entra) {
                Exchanges.json(exchange, 401, AzureTranslationTest.fixture("error-401.json"));
            } else if (!matcher.matches() || !query.equals("api-version=" + API_VERSION)) {
                Exchanges.json(exchange, 404, AzureTranslationTest.fixture("error-404-deployment.json"));
            } else if (matcher.group(1).equals("filtered")) {
                Exchanges.json(exchange, 400, AzureTranslationTest.fixture("error-content-filter.json"));
            } else if (matcher.group(2).equals("embeddings")) {
                Exchanges.json(exchange, 200, AzureTranslationTest.fixture("embeddings.json"));
            } else if (matcher.group(2).equals("completions")) {
                Exchanges.json(exchange, 200, AzureTranslationTest.fixture("completion.json"));
            } else if (body.contains("\"stream\":true")) {
                Exchanges.events(exchange, AzureTranslationTest.fixture("chat-stream.sse"));
            } else if (body.contains("\"tools\"") && !body.contains("\"role\":\"tool\"")) {
                Exchanges.json(exchange, 200, AzureTranslationTest.fixture("chat-completion-tool-call.json"));
            } else {
                Exchanges.json(exchange, 200, AzureTranslationTest.fixture("chat-completion.json"));
            }
        }
    }

    /** Entra ID's client-credentials grant for one app registration. */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=" + CLIENT_ID)
                    || !form.contains("scope=https://cognitiveservices.azure.com/.default")
                    || !form.contains("client_secret=" + CLIENT_SECRET + "&")) {
                Exchanges.json(exchange, 401, ("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid "
                        + "client secret provided.\",\"error_codes\":[7000215]}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String token = "entra-token-" + tokens.incrementAndGet();
            issued.add(token);
            Exchanges.json(exchange, 200, ("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }



    @Override
    public void close() {
        server.stop(0);
    }
}
