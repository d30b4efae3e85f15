package io.tollgate.gateway.cache;

import io.tollgate.gateway.pipeline.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body reduced to what its answer depends on: the SHA-256 of a canonical form (object members in name
 * order, numbers by value, so {@code {"a":1.0,"b":2}} and {@code { "b":2, "a":1 }} are the same request), and whether
 * the answer may differ from call to call.
 *
 * @param sha256        hex digest of the canonical form
 * @param deterministic false for a chat or text completion whose temperature is above 0 or not set (the providers'
 *                      default is 1), and for any request that names its end user ({@code user})
 */
record CanonicalBody(String sha256, boolean deterministic) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Empty when the body is not a JSON object (the request's validation refuses those before). */
    static Optional<CanonicalBody> of(byte[] body, Endpoint endpoint) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        var canonical = new ByteArrayOutputStream(body.length);
        try (var out = new DataOutputStream(canonical)) {
            write(root, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new CanonicalBody(HexFormat.of().formatHex(sha256(canonical.toByteArray())),
                deterministic(root, endpoint)));
    }

    private static boolean deterministic(JsonNode root, Endpoint endpoint) {
        JsonNode user = root.get("user");
        if (user != null && !user.isNull()) {
            return false;
        }
        if (endpoint == Endpoint.EMBEDDINGS) {
            return true;
        }
        JsonNode temperature = root.get("temperature");
        return temperature != null && temperature.isNumber() && temperature.decimalValue().signum() == 0;
    }

    /** Each value tagged by its type and strings by their length, so no two different bodies write the same bytes. */
    private static void write(JsonNode node, DataOutputStream out) throws IOException {
        if (node.isObject()) {
            var members = node.properties().stream().sorted(Map.Entry.comparingByKey()).toList();
            out.writeByte('o');
            out.writeInt(members.size());
            for (var member : members) {
                string(member.getKey(), out);
                write(member.getValue(), out);
            }
        } else if (node.isArray()) {
            out.writeByte('a');
            out.writeInt(node.size());
            for (JsonNode element : node.values()) {
                write(element, out);
            }
        } else if (node.isString()) {
            out.writeByte('s');
            string(node.stringValue(), out);
        } else if (node.isNumber()) {
            out.writeByte('n');
            string(canonicalNumber(node.decimalValue()), out);
        } else if (node.isBoolean()) {
            out.writeByte(node.booleanValue() ? 't' : 'f');
        } else {
            out.writeByte('z');
        }
    }

    private static String canonicalNumber(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    }

    private static void string(String value, DataOutputStream out) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
