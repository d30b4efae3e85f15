package io.tollgate.gateway.metering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tollgate.gateway.json.JsonStrings;
import io.tollgate.gateway.pipeline.PromptText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts tokens with the o200k_base encoding (current OpenAI models): prompts for token reservations, and whatever a
 * provider reports no usage for. The encoding is loaded once at start-up, off the request path.
 *
 * <p>Counting is the costliest thing the gateway does for a request (about 5 µs per kilobyte of new prose), and chat
 * requests resend most of their text: the system prompt with every request, the conversation so far with every
 * turn. So the count of each longer part of a prompt is remembered, by its exact bytes in the body, in a cache bounded
 * by the bytes it holds; a part seen before costs a hash and a lookup, and no string. Counts are exact either way.
 *
 * <p>A part is remembered on its second sighting, not its first: most parts seen once are never seen again (the new
 * message of each request), and keeping each one's text until the cache evicts it made every request leave a
 * kilobyte or so that outlived the young generation. A sighting is a part's hash in a fixed table of ints, which
 * allocates nothing; two parts whose hashes share a slot only make one of them be counted once more, or remembered
 * once early.
 */
@Component
public class TokenCounter {

    /** What OpenAI adds per chat message: 3 for the separators, 1 for the role. */
    static final int PER_MESSAGE_OVERHEAD = 4;
    /** What OpenAI adds once per chat request for the reply's priming. */
    public static final int REPLY_OVERHEAD = 3;
    /** Shorter parts are counted each time: counting them costs about what remembering them would. */
    static final int SHORTEST_REMEMBERED_PART = 128;

    /** Slots of the table of parts seen once: a power of two. */
    private static final int SIGHTINGS = 1 << 16;

    private final O200kCounter counter = new O200kCounter(RankTable.o200kBase());
    private final Cache<JsonStrings.Key, Integer> partCounts;
    /** The hashes of long parts seen once and not remembered, each in the slot its hash picks. */
    private final int[] seenOnce = new int[SIGHTINGS];
    private final JsonStrings.Utf8Reader countingUtf8 =
            (utf8, from, to) -> from == to ? 0 : counter.count(utf8, from, to);

    @Autowired
    public TokenCounter(MeteringProperties properties) {
        this(properties.tokenCountCacheBytes());
    }

    public TokenCounter(long cacheBytes) {
        partCounts = Caffeine.newBuilder()
                // every new part is a write; its upkeep runs here rather than waking a pool thread per request
                .executor(Runnable::run)
                .maximumWeight(cacheBytes)
                .weigher((JsonStrings.Key part, Integer count) -> part.length())
                .build();
    }

    public int count(String text) {
        return text.isEmpty() ? 0 : counter.count(text);
    }

    /** The tokens of a prompt's part, counted in the body's bytes. */
    private int count(JsonStrings parts, int i) {
        return parts.readUtf8(i, countingUtf8);
    }

    /**
     * The prompt tokens of a request body, counted part by part from the text of its messages, prompt or input, plus
     * the token ids it sends as numbers.
     */
    public int countPrompt(PromptText prompt) {
        JsonStrings parts = prompt.strings();
        int tokens = prompt.tokenIds();
        for (int i = 0; i < parts.size(); i++) {
            tokens += parts.writtenLength(i) < SHORTEST_REMEMBERED_PART ? count(parts, i)
                    : countOfLongPart(parts, i);
        }
        return tokens + prompt.messages() * PER_MESSAGE_OVERHEAD + (prompt.messages() > 0 ? REPLY_OVERHEAD : 0);
    }

    /**
     * At least the prompt's tokens, without counting what is sent for the first time: a part seen before at its count,
     * any other at its UTF-8 length (a token is at least one byte), plus the same overheads as {@link #countPrompt}.
     */
    public long promptBound(PromptText prompt) {
        JsonStrings parts = prompt.strings();
        long tokens = prompt.tokenIds();
        for (int i = 0; i < parts.size(); i++) {
            tokens += parts.writtenLength(i) < SHORTEST_REMEMBERED_PART ? parts.utf8Length(i)
                    : boundOfLongPart(parts, i);
        }
        return tokens + prompt.messages() * PER_MESSAGE_OVERHEAD + (prompt.messages() > 0 ? REPLY_OVERHEAD : 0);
    }

    /** A part's count: remembered, or counted and remembered if it was seen before, or counted and its sighting noted. */
    private int countOfLongPart(JsonStrings parts, int i) {
        JsonStrings.Key key = parts.key(i);
        Integer remembered = partCounts.getIfPresent(key);
        if (remembered != null) {
            return remembered;
        }
        int counted = count(parts, i);
        if (seenBefore(key)) {
            partCounts.put(key.kept(), counted);
        }
        return counted;
    }

    /** Whether the part was seen once before (the sighting is then forgotten); if not, its sighting is noted. */
    private boolean seenBefore(JsonStrings.Key part) {
        int hash = part.hashCode();
        int slot = hash & (SIGHTINGS - 1);
        if (seenOnce[slot] == hash) {
            seenOnce[slot] = 0;
            return true;
        }
        seenOnce[slot] = hash;
        return false;
    }

    /**
     * A part seen before is counted once and remembered, so a repeated part (a system prompt, the conversation so far)
     * is reserved at its count; a part seen for the first time (most often the new message, never sent again) is
     * reserved at its UTF-8 length and not counted. A collision of two parts' hashes only counts a part early.
     */
    private long boundOfLongPart(JsonStrings parts, int i) {
        JsonStrings.Key key = parts.key(i);
        Integer remembered = partCounts.getIfPresent(key);
        if (remembered != null) {
            return remembered;
        }
        if (seenBefore(key)) {
            int counted = count(parts, i);
            partCounts.put(key.kept(), counted);
            return counted;
        }
        return parts.utf8Length(i);
    }

    /** How many parts' counts are remembered now. */
    long rememberedParts() {
        partCounts.cleanUp();
        return partCounts.estimatedSize();
    }
}
