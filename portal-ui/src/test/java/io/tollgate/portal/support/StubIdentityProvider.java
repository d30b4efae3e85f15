package io.tollgate.portal.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A minimal OpenID Connect provider over real HTTP: discovery, an authorization endpoint that signs in whoever
 * {@link #signInAs} names, a token endpoint issuing RS256-signed ID tokens, and the signing keys.
 */
public final class StubIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "tollgate-portal";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, String> nonceByCode = new ConcurrentHashMap<>();
    private volatile String email = "nobody@example.test";

    public StubIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/certs", "subject_types_supported": ["public"],
                 "response_types_supported": ["code"], "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(issuer())));
        server.createContext("/certs", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/auth", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person the next authorization signs in, with a verified email. */
    public void signInAs(String email) {
        this.email = email;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        String code = "code-" + System.nanoTime();
        nonceByCode.put(code, query.getOrDefault("nonce", ""));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = nonceByCode.remove(body.get("code"));
        if (nonce == null) {
            json(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("subject-" + email)
                .audience(CLIENT_ID).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("email", email).claim("email_verified", true);
        if (!nonce.isEmpty()) {
            claims.claim("nonce", nonce);
        }
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            idToken.sign(new RSASSASigner(key));
            json(exchange, 200, "{\"access_token\": \"access\", \"token_type\": \"Bearer\", \"expires_in\": 300, "
                    + "\"scope\": \"openid\", \"id_token\": \"" + idToken.serialize() + "\"}");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        json(exchange, 200, body);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
