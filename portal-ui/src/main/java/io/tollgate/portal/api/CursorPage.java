package io.tollgate.portal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: the items and an opaque cursor for the next page, absent on the last. A cursor is the position
 * of the page's last item (its id, or time and id), so items added meanwhile neither repeat nor vanish.
 */
public record CursorPage<T>(List<T> items, @JsonProperty("next_cursor") @Nullable String nextCursor) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiRequestException.badRequest("limit is 1 to " + MAX_LIMIT);
        }
        return requested;
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw ApiRequestException.badRequest("This cursor was not given by this API");
        }
    }

    /**
     * A page of a list the service returns whole (a tenant's apps, keys, budgets): the items after the one whose id
     * the cursor names.
     */
    public static <T> CursorPage<T> of(List<T> all, Function<T, ?> id, @Nullable String cursor, @Nullable Integer limit) {
        int size = limit(limit);
        int start = 0;
        if (cursor != null) {
            String after = decode(cursor);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (String.valueOf(id.apply(all.get(i))).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiRequestException.badRequest("This cursor's item is gone; start again without a cursor");
            }
        }
        List<T> items = all.subList(start, Math.min(all.size(), start + size));
        boolean more = start + size < all.size();
        return new CursorPage<>(items, more ? encode(String.valueOf(id.apply(items.getLast()))) : null);
    }
}
