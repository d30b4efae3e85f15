package io.tollgate.gateway.provider.bedrock;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.gateway.support.Exchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Bedrock's Converse, ConverseStream and InvokeModel over real HTTP, answering with the fixtures under {@code fixtures/bedrock}.
 * Like the real one it checks every request's credential: a SigV4 {@code Authorization} is verified by signing the
 * request again with the AWS SDK's signer (same keys, region, service, signed headers, body and {@code X-Amz-Date})
 * and comparing; a bearer token must be the Bedrock API key. A bad one answers 403 with
 * {@code x-amzn-ErrorType: InvalidSignatureException} / {@code AccessDeniedException}. Models (the path's model id):
 * {@code throttled} 429 ThrottlingException with {@code retry-after: 3}, {@code loading} 429 ModelNotReadyException,
 * {@code refused} 400 ValidationException; a request forced to the JSON tool gets its tool use; InvokeModel ({@code /invoke}) answers Titan's embedding; any other answers a tool-use message when offered tools without results yet, else the text message (or its stream).
 */
final class FakeBedrock implements AutoCloseable {

    static final String REGION = "eu-central-1";
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
    static final String API_KEY = "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxl";
    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream|invoke)");
    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,\\s]+)");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** One request as received: the model id (decoded), the operation, how it was authorized, the body. */
    record Received(String modelId, String operation, String rawPath, String authorization, boolean signatureValid,
                    String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private FakeBedrock(HttpServer server) {
        this.server = server;
    }

    static FakeBedrock start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            var fake = new FakeBedrock(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands for {@code https://bedrock-runtime.{region}.amazonaws.com}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> receivedFor(String modelId) {
        return received.stream().filter(r -> r.modelId().equals(modelId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            Matcher path = PATH.matcher(rawPath);
            if (!path.matches() || !exchange.getRequestMethod().equals("POST")) {
                error(exchange, 404, "UnknownOperationException", "Unknown operation");
                return;
            }
            String modelId = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean valid = authorization.startsWith("Bearer ") ? authorization.equals("Bearer " + API_KEY)
                    : signatureValid(exchange, rawPath, body, authorization);
            String text = new String(body, StandardCharsets.UTF_8);
            received.add(new Received(modelId, path.group(2), rawPath, authorization, valid, text));
            if (!valid) {
                error(exchange, 403, "InvalidSignatureException", "The request signature we calculated does not match "
                        + "the signature you provided. Check your AWS Secret Access Key and signing method.");
                return;
            }
            if (path.group(2).equals("invoke")) {
                Exchanges.json(exchange, 200, BedrockFixtures.bytes("titan-embedding-response.json"));
                return;
            }
            boolean stream = path.group(2).equals("converse-stream");
            boolean tools = text.contains("\"toolConfig\"") && !text.contains("\"toolResult\"");
            switch (modelId) {
                case "throttled" -> {
                    exchange.getResponseHeaders().set("retry-after", "3");
                    error(exchange, 429, "ThrottlingException", "Too many requests, please wait before trying again.");
                }
                case "loading" -> error(exchange, 429, "ModelNotReadyException",
                        "Model is not ready for inference. Wait and try your request again.");
                case "refused" -> error(exchange, 400, "ValidationException",
                        "The model returned the following errors: messages.0.content: content must not be empty");
                default -> {
                    if (text.contains("\"json_response\"")) {
                        Exchanges.json(exchange, 200, BedrockFixtures.bytes("converse-json-mode.json"));
                    } else if (stream) {
                        frames(exchange, BedrockFixtures.frames(tools ? "stream-tool-use.events" : "stream-text.events"));
                    } else {
                        Exchanges.json(exchange, 200, BedrockFixtures.bytes(tools ? "converse-tool-use.json" : "converse-response.json"));
                    }
                }
            }
        }
    }

    /** Signs the request as received again with the SDK's signer and compares the signatures. */
    private boolean signatureValid(HttpExchange exchange, String rawPath, byte[] body, String authorization) {
        Headers headers = exchange.getRequestHeaders();
        Matcher signedHeaders = SIGNED_HEADERS.matcher(authorization);
        String amzDate = headers.getFirst("X-Amz-Date");
        if (!authorization.startsWith("AWS4-HMAC-SHA256 ") || !signedHeaders.find() || amzDate == null) {
            return false;
        }
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.valueOf(exchange.getRequestMethod()))
                .protocol("http").host("127.0.0.1").port(server.getAddress().getPort()).encodedPath(rawPath);
        boolean session = false;
        for (String name : signedHeaders.group(1).split(";")) {
            switch (name) {
                case "host", "x-amz-date" -> {
                    // the signer adds them: the host from the URL, the date from its clock
                }
                case "x-amz-security-token" -> session = SESSION_TOKEN.equals(headers.getFirst(name));
                default -> request.putHeader(name, headers.get(name));
            }
        }
        AwsCredentialsIdentity keys = session
                ? AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN)
                : AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        var signedAt = ZonedDateTime.parse(amzDate, AMZ_DATE.withZone(ZoneOffset.UTC)).toInstant();
        var expected = AwsV4HttpSigner.create().sign(sign -> sign.identity(keys).request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return expected.request().firstMatchingHeader("Authorization").map(authorization::equals).orElse(false);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
        Exchanges.json(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends each frame on its own and flushes it, as ConverseStream does. */
    private static void frames(HttpExchange exchange, List<byte[]> frames) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        for (byte[] frame : frames) {
            out.write(frame);
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
