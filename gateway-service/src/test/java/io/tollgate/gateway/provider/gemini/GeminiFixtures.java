package io.tollgate.gateway.provider.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The documented Gemini wire examples under {@code fixtures/gemini}. */
final class GeminiFixtures {

    private GeminiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/fixtures/gemini/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A recorded stream's events, each with its blank line. */
    static List<byte[]> events(String name) {
        return Arrays.stream(text(name).split("(?<=\r\n\r\n)|(?<=\n\n)"))
                .filter(event -> !event.isBlank())
                .map(event -> event.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
