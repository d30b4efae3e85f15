package io.tollgate.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * The cursor against Jackson's streaming parser with the settings the request path had (duplicate keys refused): the
 * same tokens, names and values, and the same error at the same token, on real bodies, on every cut and changed byte
 * of them, and on random documents. The one difference allowed: a body that is not UTF-8 may be refused where Jackson
 * reads it, and so may one that Jackson takes for UTF-16 or UTF-32 by a zero byte among its first four.
 */
class JsonCursorTest {

    private static final JsonFactory JACKSON = Json.FACTORY.rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final List<String> SEEDS = List.of(
            """
            {"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":[
             {"type":"text","text":"Caf\\u00e9 \\"ol\\u00e9\\" \\ud83d\\ude00 – naïve 日本 😀\\n"},
             {"type":"image_url","image_url":{"url":"https://x/y.png","detail":"low"}}]}],
             "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{
             "a":{"type":"integer"},"b":{"type":"array","items":{"enum":[1,-2.5e-3,0,true,false,null]}}},
             "required":["a"]}}}],"temperature":0.7,"max_tokens":128,"n":1,"stop":["\\n"],"stream":false}""",
            "{\"model\":\"m\",\"prompt\":[[1,2,3],[4]],\"max_tokens\":9223372036854775807,\"best_of\":-0,"
                    + "\"top_p\":1E-2,\"seed\":-9223372036854775808,\"logit_bias\":{\"50256\":-100}}",
            "{\"\\u006dodel\":\"m\",\"input\":[\"a\",\"\"],\"dimensions\":12345678901234567890123,"
                    + "\"x\":{\"k\":1,\"\\u006b\":2}}",
            " \r\n\t{ \"a\" : [ ] , \"b\" : { } , \"c\" : [ { } , [ ] ] } ",
            "\uFEFF{\"model\":\"m\",\"m\":{\"a\":1,\"b\":2,\"a\":3}}",
            "[\"not an object\",1,true]", "\uFEFF ", "\uFEFF\n1 ", "", "  ", "1 2", "{}{}", "true",
            "\"a string\"");

    @Test
    void real_bodies_read_as_jackson_reads_them() throws IOException {
        assertThat(compare(Files.readAllBytes(Path.of("../bench/gateway/chat-request.json")))).isEqualTo("END");
        for (String seed : SEEDS) {
            compare(seed.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(compare(SEEDS.get(2).getBytes(StandardCharsets.UTF_8))).isEqualTo("DUPLICATE");
        assertThat(compare(SEEDS.get(4).getBytes(StandardCharsets.UTF_8))).isEqualTo("DUPLICATE");
    }

    @Test
    void every_cut_and_every_changed_byte_reads_as_jackson_reads_it() {
        int compared = 0;
        for (String seed : SEEDS) {
            byte[] body = seed.getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut < body.length; cut++) {
                compare(Arrays.copyOf(body, cut));
                compared++;
            }
            for (int at = 0; at < body.length; at++) {
                for (byte replacement : JsonSamples.REPLACEMENTS) {
                    byte[] changed = body.clone();
                    changed[at] = replacement;
                    compare(changed);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(30_000);
    }

    @Test
    void random_documents_with_repeated_keys_read_as_jackson_reads_them() {
        var random = new Random(20261206);
        var names = List.of("model", "messages", "role", "content", "a", "\\u0061", "tools", "x\\ny", "ключ");
        int duplicates = 0;
        for (int i = 0; i < 4_000; i++) {
            byte[] body = JsonSamples.randomValue(random, names);
            duplicates += compare(body).equals("DUPLICATE") ? 1 : 0;
            byte[] changed = body.clone();
            changed[random.nextInt(body.length)] = (byte) random.nextInt(256);
            compare(changed);
        }
        assertThat(duplicates).isGreaterThan(100);
    }

    @Test
    void an_object_of_many_keys_finds_a_repeated_one_however_it_is_written() {
        var keys = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            keys.append("\"k").append(i).append("\":").append(i).append(',');
        }
        String many = keys.toString();
        assertThat(compare((many + "\"k39\":0}").getBytes(StandardCharsets.UTF_8))).isEqualTo("DUPLICATE");
        assertThat(compare((many + "\"k\\u0033\":0}").getBytes(StandardCharsets.UTF_8))).isEqualTo("DUPLICATE");
        assertThat(compare((many + "\"k40\":0}").getBytes(StandardCharsets.UTF_8))).isEqualTo("END");
        assertThat(compare("{\"\\u006b1\":1,\"k1\":2}".getBytes(StandardCharsets.UTF_8))).isEqualTo("DUPLICATE");
    }

    @Test
    void what_is_not_utf_8_is_refused() {
        for (String bytes : List.of("C0 AF", "ED A0 80", "F4 90 80 80", "F8 88 80 80 80", "E2 82")) {
            var body = new ByteArrayOutputStream();
            body.writeBytes("{\"model\":\"".getBytes(StandardCharsets.US_ASCII));
            for (String hex : bytes.split(" ")) {
                body.write(Integer.parseInt(hex, 16));
            }
            body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
            assertThat(cursor(body.toByteArray(), true)).as(bytes).endsWith("MALFORMED");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {499, 500, 501})
    void nesting_is_refused_past_jackson_s_limit(int depth) {
        String body = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
        assertThat(compare(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(depth > 500 ? "MALFORMED" : "END");
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 1000, 1001})
    void numbers_are_refused_past_jackson_s_length_limit(int digits) {
        String whole = "{\"a\":" + "1".repeat(digits) + "}";
        String fraction = "{\"a\":1." + "5".repeat(digits - 1) + "}";
        assertThat(compare(whole.getBytes(StandardCharsets.UTF_8))).isEqualTo(digits > 1000 ? "MALFORMED" : "END");
        compare(fraction.getBytes(StandardCharsets.UTF_8));
    }

    /** Both traces, read in full and with containers skipped; the last event of the full one. */
    private static String compare(byte[] body) {
        String last = null;
        for (boolean readAll : new boolean[] {true, false}) {
            List<String> ours = cursor(body, readAll);
            List<String> theirs = jackson(body, readAll);
            if (!ours.equals(theirs) && !(ours.getLast().equals("MALFORMED") && JsonSamples.notUtf8ForJackson(body))) {
                assertThat(ours).as(() -> (readAll ? "read: " : "skipped: ") + HexFormat.of().formatHex(body, 0,
                        Math.min(body.length, 8)) + " " + new String(body, StandardCharsets.ISO_8859_1))
                        .isEqualTo(theirs);
            }
            last = last == null ? ours.getLast() : last;
        }
        return last;
    }

    /**
     * The tokens with their names and values. Read in full, every string and number is asked for; otherwise every
     * container below the root is skipped as soon as it opens, and no value is asked for.
     */
    private static List<String> cursor(byte[] body, boolean readAll) {
        var trace = new ArrayList<String>();
        try {
            JsonCursor cursor = JsonCursor.reading(body);
            for (JsonToken token = cursor.nextToken(); token != null; token = cursor.nextToken()) {
                trace.add(token.name());
                if (readAll) {
                    switch (token) {
                        case PROPERTY_NAME -> trace.add(cursor.currentName());
                        case VALUE_STRING -> trace.add(cursor.getString());
                        case VALUE_NUMBER_INT -> trace.add(cursor.getString() + " " + cursor.longValueSaturated()
                                + " " + cursor.doubleValue());
                        case VALUE_NUMBER_FLOAT -> trace.add(cursor.getString() + " " + cursor.doubleValue());
                        default -> {
                        }
                    }
                } else if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && trace.size() > 1) {
                    cursor.skipChildren();
                    trace.add("SKIPPED");
                }
            }
            trace.add("END");
        } catch (JsonCursor.DuplicateKey e) {
            trace.add("DUPLICATE");
        } catch (JsonCursor.Malformed e) {
            trace.add("MALFORMED");
        }
        return trace;
    }

    private static List<String> jackson(byte[] body, boolean readAll) {
        var trace = new ArrayList<String>();
        try (JsonParser parser = JACKSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                trace.add(token.name());
                if (readAll) {
                    switch (token) {
                        case PROPERTY_NAME -> trace.add(parser.currentName());
                        case VALUE_STRING -> trace.add(parser.getString());
                        case VALUE_NUMBER_INT -> trace.add(parser.getString() + " " + switch (parser.getNumberType()) {
                            case INT, LONG -> parser.getLongValue();
                            default -> parser.getBigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                        } + " " + parser.getDoubleValue());
                        case VALUE_NUMBER_FLOAT -> trace.add(parser.getString() + " " + parser.getDoubleValue());
                        default -> {
                        }
                    }
                } else if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && trace.size() > 1) {
                    parser.skipChildren();
                    trace.add("SKIPPED");
                }
            }
            trace.add("END");
        } catch (StreamReadException e) {
            trace.add(e.getOriginalMessage().startsWith("Duplicate Object property") ? "DUPLICATE" : "MALFORMED");
        } catch (JacksonException e) {
            trace.add("MALFORMED");
        }
        return trace;
    }
}
