package io.tollgate.gateway.json;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Bodies to read the gateway's JSON readers against Jackson's parser with: bytes to change, random documents. */
public final class JsonSamples {

    /** Bytes that JSON treats specially, and bytes that are or start no UTF-8 character. */
    public static final byte[] REPLACEMENTS = bytes("{}[]\",:\\/0123456789-+.eEtrufalsnxu_ \n\t\r", 0x00, 0x1F, 0x7F,
            0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF);
    private static final List<String> SCALARS = List.of("0", "-0", "17", "-4", "2.5", "1e3", "12345678901234567890",
            "-9223372036854775809", "9223372036854775807", "true", "false", "null", "\"\"", "\"é\\n\\\"\"",
            "\"\\ud83d\"", "\"日本\"");

    private JsonSamples() {
    }

    /**
     * A random JSON value, objects and arrays nested up to 4 deep; objects take their keys from {@code names} (as
     * written in JSON, escapes allowed), so that keys repeat.
     */
    public static byte[] randomValue(Random random, List<String> names) {
        var out = new ByteArrayOutputStream();
        writeValue(out, random, names, 0);
        return out.toByteArray();
    }

    /** A random object of up to four members (see {@link #randomValue}). */
    public static byte[] randomObject(Random random, List<String> names) {
        var out = new ByteArrayOutputStream();
        writeObject(out, random, names, 0);
        return out.toByteArray();
    }

    /**
     * Whether a reader of UTF-8 alone may refuse the body where Jackson reads it: it is not UTF-8, or Jackson takes it
     * for UTF-16 or UTF-32 by a zero byte among its first four.
     */
    public static boolean notUtf8ForJackson(byte[] body) {
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    private static void writeValue(ByteArrayOutputStream out, Random random, List<String> names, int depth) {
        switch (random.nextInt(depth > 3 ? 6 : 8)) {
            case 6 -> writeObject(out, random, names, depth);
            case 7 -> {
                out.write('[');
                int items = random.nextInt(4);
                for (int m = 0; m < items; m++) {
                    if (m > 0) {
                        out.write(',');
                    }
                    writeValue(out, random, names, depth + 1);
                }
                out.write(']');
            }
            default -> out.writeBytes(SCALARS.get(random.nextInt(SCALARS.size())).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeObject(ByteArrayOutputStream out, Random random, List<String> names, int depth) {
        out.write('{');
        int members = random.nextInt(5);
        for (int m = 0; m < members; m++) {
            if (m > 0) {
                out.write(',');
            }
            out.writeBytes(("\"" + names.get(random.nextInt(names.size())) + "\":").getBytes(StandardCharsets.UTF_8));
            writeValue(out, random, names, depth + 1);
        }
        out.write('}');
    }

    private static byte[] bytes(String ascii, int... more) {
        var all = new ByteArrayOutputStream();
        all.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
        for (int b : more) {
            all.write(b);
        }
        return all.toByteArray();
    }
}
