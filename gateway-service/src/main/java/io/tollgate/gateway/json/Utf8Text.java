package io.tollgate.gateway.json;

import io.tollgate.gateway.json.JsonBytes.Malformed;
import java.nio.charset.StandardCharsets;

/** UTF-8 as RFC 3629 defines it, checked and decoded in a body's bytes, and JSON strings with escapes decoded. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The index after the well-formed sequence whose lead byte is at {@code at}; a malformed one is refused. */
    static int checkedSequence(byte[] in, int at) {
        int lead = in[at] & 0xFF;
        int count;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            count = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            count = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            count = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
        } else {
            throw Malformed.INSTANCE;
        }
        if (at + count >= in.length) {
            throw Malformed.INSTANCE;
        }
        int second = in[at + 1] & 0xFF;
        if (second < low || second > high) {
            throw Malformed.INSTANCE;
        }
        for (int i = 2; i <= count; i++) {
            if ((in[at + i] & 0xC0) != 0x80) {
                throw Malformed.INSTANCE;
            }
        }
        return at + count + 1;
    }

    /** The code point of the well-formed sequence at {@code at} (its lead byte is not ASCII). */
    static int codePointAt(byte[] in, int at) {
        int end = checkedSequence(in, at);
        int lead = in[at] & 0xFF;
        int value = end - at == 2 ? lead & 0x1F : end - at == 3 ? lead & 0x0F : lead & 0x07;
        for (int i = at + 1; i < end; i++) {
            value = value << 6 | in[i] & 0x3F;
        }
        return value;
    }

    /** The string of JSON string content {@code in[start, end)}, checked when it was scanned: decoded when escaped. */
    static String string(byte[] in, int start, int end, boolean escaped) {
        return escaped ? unescaped(in, start, end) : new String(in, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 length of JSON string content {@code in[start, end)} with escapes, decoded; an escaped UTF-16 surrogate
     * counts 3 bytes, as a {@link String}'s char does.
     */
    static int unescapedLength(byte[] in, int start, int end) {
        int length = 0;
        int i = start;
        while (i < end) {
            if (in[i] != '\\') {
                length++;
                i++;
            } else if (in[i + 1] == 'u') {
                int unit = hex4(in, i + 2);
                length += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
                i += 6;
            } else {
                length++;
                i += 2;
            }
        }
        return length;
    }

    static String unescaped(byte[] in, int start, int end) {
        var text = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            if (in[i] != '\\') {
                int run = i;
                while (i < end && in[i] != '\\') {
                    i++;
                }
                text.append(new String(in, run, i - run, StandardCharsets.UTF_8));
                continue;
            }
            char escape = (char) in[i + 1];
            if (escape == 'u') {
                text.append((char) hex4(in, i + 2));
                i += 6;
            } else {
                text.append(switch (escape) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> escape;
                });
                i += 2;
            }
        }
        return text.toString();
    }

    /** The four hex digits at {@code at} (checked when the string was scanned). */
    private static int hex4(byte[] in, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            value = value << 4 | Character.digit(in[i], 16);
        }
        return value;
    }
}
