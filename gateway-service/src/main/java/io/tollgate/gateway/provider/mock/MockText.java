package io.tollgate.gateway.provider.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic text: the same prompt always gets the same words, as many as the request allows. */
final class MockText {

    private static final String[] WORDS = ("the gateway meters every token exactly once and routes each request to "
            + "a provider while budgets and limits keep spending predictable for every tenant and app").split(" ");

    private MockText() {
    }

    /** The reply as stream pieces: each piece is a word with its leading space (the first has none). */
    static List<String> reply(String prompt, int maxTokens) {
        var random = new SplittableRandom(prompt.hashCode());
        int words = Math.min(maxTokens, 8 + random.nextInt(24));
        List<String> pieces = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            pieces.add(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        if (!pieces.isEmpty()) {
            pieces.set(pieces.size() - 1, pieces.getLast() + ".");
        }
        return pieces;
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
