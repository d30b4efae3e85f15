package io.tollgate.gateway.provider.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Headers collected for a request, by name (a second value for a name replaces the first). Names and values are
 * checked here because they are written to the wire as they are: no line breaks, no header smuggled into another.
 */
final class HeaderList implements RequestHeaders {

    private CharSequence[] names = new CharSequence[8];
    private CharSequence[] values = new CharSequence[8];
    private int size;

    @Override
    public void set(CharSequence name, CharSequence value) {
        checkName(name);
        checkValue(name, value);
        int index = indexOf(name);
        if (index >= 0) {
            values[index] = value;
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    boolean contains(CharSequence name) {
        return indexOf(name) >= 0;
    }

    int size() {
        return size;
    }

    CharSequence name(int index) {
        return names[index];
    }

    /** Writes each header as {@code name: value\r\n}. */
    void writeTo(ByteBuf out) {
        for (int i = 0; i < size; i++) {
            writeTo(out, i);
        }
    }

    void writeTo(ByteBuf out, int index) {
        ByteBufUtil.writeAscii(out, names[index]);
        out.writeByte(':').writeByte(' ');
        out.writeCharSequence(values[index], StandardCharsets.ISO_8859_1);
        out.writeByte('\r').writeByte('\n');
    }

    private int indexOf(CharSequence name) {
        for (int i = 0; i < size; i++) {
            if (AsciiString.contentEqualsIgnoreCase(names[i], name)) {
                return i;
            }
        }
        return -1;
    }

    private static void checkName(CharSequence name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A header needs a name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("Not a header name: " + name);
            }
        }
    }

    private static void checkValue(CharSequence name, CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
                throw new IllegalArgumentException("The value of header " + name + " holds a character it may not");
            }
        }
    }
}
