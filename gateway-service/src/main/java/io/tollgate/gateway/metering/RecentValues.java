package io.tollgate.gateway.metering;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids and names a journal's reader met last, by slot, so that reading an event makes only what is new in it: the
 * tenant, app, key, provider, deployment and price ids and the endpoint and model names repeat from event to event,
 * and each read made them anew (half a kilobyte per event). A value is reused only when its bits or bytes are the
 * same. Not thread-safe: one reader each.
 */
final class RecentValues {

    private static final int SLOTS = 256;
    /** Longer strings (tags, say) are read afresh. */
    private static final int LONGEST_KEPT = 128;

    private final UUID[] uuids = new UUID[SLOTS];
    private final String[] strings = new String[SLOTS];
    private final byte[][] stringBytes = new byte[SLOTS][];

    UUID uuid(long most, long least) {
        int slot = slot(most ^ least * 31);
        UUID kept = uuids[slot];
        if (kept != null && kept.getMostSignificantBits() == most && kept.getLeastSignificantBits() == least) {
            return kept;
        }
        UUID value = new UUID(most, least);
        uuids[slot] = value;
        return value;
    }

    /** The string of the {@code length} UTF-8 bytes at {@code in}'s position, which moves past them. */
    String string(ByteBuffer in, int length) {
        int start = in.position();
        if (length > LONGEST_KEPT) {
            return fresh(in, length);
        }
        long hash = length;
        for (int i = 0; i < length; i++) {
            hash = hash * 31 + in.get(start + i);
        }
        int slot = slot(hash);
        byte[] kept = stringBytes[slot];
        if (kept != null && kept.length == length && same(in, start, kept)) {
            in.position(start + length);
            return strings[slot];
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        String value = new String(bytes, StandardCharsets.UTF_8);
        stringBytes[slot] = bytes;
        strings[slot] = value;
        return value;
    }

    private static String fresh(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean same(ByteBuffer in, int start, byte[] kept) {
        for (int i = 0; i < kept.length; i++) {
            if (in.get(start + i) != kept[i]) {
                return false;
            }
        }
        return true;
    }

    private static int slot(long hash) {
        return (int) ((hash * 0x9e3779b97f4a7c15L) >>> 56);
    }
}
