package io.tollgate.gateway.provider.bedrock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * The Bedrock fixtures under {@code fixtures/bedrock}, and ConverseStream answers framed as
 * {@code application/vnd.amazon.eventstream} by the AWS SDK's own encoder: a {@code .events} fixture holds one event
 * a line, its {@code :event-type}, a tab and its JSON payload.
 */
final class BedrockFixtures {

    private BedrockFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = BedrockFixtures.class.getResourceAsStream("/fixtures/bedrock/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Each event of the fixture as one encoded frame. */
    static List<byte[]> frames(String eventsFixture) {
        return text(eventsFixture).lines().filter(line -> !line.isBlank()).map(line -> {
            String[] parts = line.split("\t", 2);
            return event(parts[0], parts[1]);
        }).toList();
    }

    static byte[] stream(String eventsFixture) {
        var out = new ByteArrayOutputStream();
        frames(eventsFixture).forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] event(String eventType, String json) {
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return encoded(new Message(headers, json.getBytes(StandardCharsets.UTF_8)));
    }

    /** An exception event, as ConverseStream sends one mid-stream (e.g. {@code throttlingException}). */
    static byte[] exception(String exceptionType, String message) {
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return encoded(new Message(headers, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] encoded(Message message) {
        var out = new ByteArrayOutputStream();
        message.encode(out);
        return out.toByteArray();
    }
}
