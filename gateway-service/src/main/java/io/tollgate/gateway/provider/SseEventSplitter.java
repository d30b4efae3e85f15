package io.tollgate.gateway.provider;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream of server-sent events into whole events, however the network split it. One per stream;
 * an event ends at a blank line ({@code \n\n} or {@code \r\n\r\n}) and keeps its terminator.
 */
public final class SseEventSplitter {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(512);
    private int newlines;

    public List<byte[]> accept(byte[] chunk) {
        List<byte[]> events = new ArrayList<>(2);
        // copies whole runs, not byte by byte: this runs for every byte of every stream
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                newlines++;
                if (newlines == 2) {
                    events.add(event(chunk, start, i + 1));
                    start = i + 1;
                    newlines = 0;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
        }
        pending.write(chunk, start, chunk.length - start);
        return events;
    }

    private byte[] event(byte[] chunk, int start, int end) {
        if (pending.size() == 0) {
            return Arrays.copyOfRange(chunk, start, end);
        }
        pending.write(chunk, start, end - start);
        byte[] event = pending.toByteArray();
        pending.reset();
        return event;
    }

    /** Where the value of an event's first {@code data:} field begins, or -1 when the event has none. */
    public static int dataStart(byte[] event) {
        for (int i = 0; i + 5 <= event.length; i++) {
            if (event[i] == 'd' && event[i + 1] == 'a' && event[i + 2] == 't' && event[i + 3] == 'a'
                    && event[i + 4] == ':') {
                return i + 5;
            }
        }
        return -1;
    }

    /** What is left when the stream ends without a final blank line. */
    public List<byte[]> rest() {
        if (pending.size() == 0 || new String(pending.toByteArray()).isBlank()) {
            return List.of();
        }
        pending.write('\n');
        pending.write('\n');
        return List.of(pending.toByteArray());
    }
}
