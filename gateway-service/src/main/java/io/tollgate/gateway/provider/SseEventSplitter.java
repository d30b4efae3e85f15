package io.tollgate.gateway.provider;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
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
        for (byte b : chunk) {
            pending.write(b);
            if (b == '\n') {
                newlines++;
                if (newlines == 2) {
                    events.add(pending.toByteArray());
                    pending.reset();
                    newlines = 0;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
        }
        return events;
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
