package io.tollgate.gateway.provider.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Deterministic text: the same prompt always gets the same words, as many as the request's token limit allows. */
final class MockText {

    private static final String[] WORDS = ("the gateway meters every token exactly once and routes each request to "
            + "a provider while budgets and limits keep spending predictable for every tenant and app").split(" ");

    private MockText() {
    }

    /**
     * The reply as stream pieces (each a word with its leading space, the first without), a sentence of 8 to 31 words
     * for a prompt; cut when its tokens ({@code counter}) would pass {@code maxTokens}, as a provider stops at its
     * limit: then it has no full stop and {@link Reply#cut()} says so.
     */
    static Reply reply(String prompt, int maxTokens, ToIntFunction<String> counter) {
        var random = new SplittableRandom(prompt.hashCode());
        int words = 8 + random.nextInt(24);
        List<String> pieces = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            pieces.add(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        pieces.set(pieces.size() - 1, pieces.getLast() + ".");
        String text = String.join("", pieces);
        int tokens = counter.applyAsInt(text);
        if (tokens <= maxTokens) {
            return new Reply(pieces, text, tokens, false);
        }
        pieces.set(pieces.size() - 1, pieces.getLast().substring(0, pieces.getLast().length() - 1));
        text = String.join("", pieces);
        tokens = counter.applyAsInt(text);
        while (tokens > maxTokens) {
            pieces.removeLast();
            text = String.join("", pieces);
            tokens = counter.applyAsInt(text);
        }
        return new Reply(pieces, text, tokens, true);
    }

    /**
     * @param text   the pieces joined
     * @param tokens the text's completion tokens
     * @param cut    stopped at the request's token limit rather than at the sentence's end
     */
    record Reply(List<String> pieces, String text, int tokens, boolean cut) {

        String finishReason() {
            return cut ? "length" : "stop";
        }
    }

    /** A unit-length vector derived from the text. */
    static float[] embedding(String text, int dimensions) {
        var random = new SplittableRandom(text.hashCode());
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
