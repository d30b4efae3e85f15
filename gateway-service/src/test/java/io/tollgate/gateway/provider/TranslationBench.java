package io.tollgate.gateway.provider;

import com.sun.management.ThreadMXBean;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.anthropic.AnthropicTranslationBenchCase;
import io.tollgate.gateway.provider.gemini.GeminiTranslationBenchCase;
import io.tollgate.gateway.provider.openai.OpenAiTranslationBenchCase;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.pipeline.RequestFacts;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What translating a provider's wire format costs per request over the OpenAI pass-through path, as
 * bench/translation-bench.sh runs it: the gateway bench's chat request and answer (bench/gateway), and the same answer
 * as Anthropic's Messages API and Gemini's generateContent would send it (same text, same stream pieces, same token
 * counts, in their documented shapes as in the golden tests' fixtures). One thread; after a warm-up the cases run
 * interleaved in rounds, so each round is an A/B taken under the same machine load. Per case: the thread's CPU time
 * per request and its allocated bytes per request (ThreadMXBean), wall time for reference, and the CPU added over
 * pass-through, paired round by round. Not a test.
 *
 * <p>Arguments: {@code <fixtures dir> <rounds> <milliseconds per case and round>}.
 */
public final class TranslationBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "gpt-4o-mini";
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static long sink;

    private record Kind(String name, ToLongFunction<TranslationBenchCase> op) {
    }

    private record Sample(double cpuNanos, double wallNanos, double bytes) {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path fixtures = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long roundNanos = Long.parseLong(args[2]) * 1_000_000L;
        List<TranslationBenchCase> cases = cases(fixtures);
        List<Kind> kinds = List.of(new Kind("non-streaming", TranslationBenchCase::call),
                new Kind("streaming", TranslationBenchCase::stream));

        for (Kind kind : kinds) {
            for (TranslationBenchCase c : cases) {
                System.out.printf("check %-13s %-20s %6d bytes out%n", kind.name(), c.name(), kind.op().applyAsLong(c));
            }
        }
        // warm-up: every path long enough for the JIT's last tier, interleaved as measured
        long warmUpEnd = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            for (Kind kind : kinds) {
                for (TranslationBenchCase c : cases) {
                    measure(c, kind, 2_000);
                }
            }
        }
        Map<String, Integer> opsPerRound = new java.util.HashMap<>();
        for (Kind kind : kinds) {
            for (TranslationBenchCase c : cases) {
                Sample probe = measure(c, kind, 5_000);
                opsPerRound.put(kind.name() + c.name(), (int) Math.max(1_000, roundNanos / probe.wallNanos()));
            }
        }
        Map<String, List<Sample>> samples = new java.util.HashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Kind kind : kinds) {
                // the order rotates so that no case always runs right after another
                for (int i = 0; i < cases.size(); i++) {
                    TranslationBenchCase c = cases.get((i + round) % cases.size());
                    samples.computeIfAbsent(kind.name() + c.name(), key -> new ArrayList<>())
                            .add(measure(c, kind, opsPerRound.get(kind.name() + c.name())));
                }
            }
        }
        System.out.printf("%-13s %-20s %12s %12s %12s %14s %14s%n", "path", "case", "CPU ns/req", "(min)",
                "wall ns/req", "alloc B/req", "added CPU µs");
        for (Kind kind : kinds) {
            List<Sample> base = samples.get(kind.name() + cases.getFirst().name());
            for (TranslationBenchCase c : cases) {
                List<Sample> own = samples.get(kind.name() + c.name());
                double[] added = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    added[r] = own.get(r).cpuNanos() - base.get(r).cpuNanos();
                }
                System.out.printf("%-13s %-20s %12.0f %12.0f %12.0f %14.0f %14s%n", kind.name(), c.name(),
                        median(own.stream().mapToDouble(Sample::cpuNanos).toArray()),
                        own.stream().mapToDouble(Sample::cpuNanos).min().orElseThrow(),
                        median(own.stream().mapToDouble(Sample::wallNanos).toArray()),
                        median(own.stream().mapToDouble(Sample::bytes).toArray()),
                        c == cases.getFirst() ? "-" : "%+.2f".formatted(median(added) / 1000));
            }
        }
        System.out.println("(" + rounds + " rounds; medians over rounds; added = median of the per-round differences;"
                + " sink " + (sink & 1) + ")");
    }

    private static Sample measure(TranslationBenchCase c, Kind kind, int ops) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long wall = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < ops; i++) {
            bytes += kind.op().applyAsLong(c);
        }
        wall = System.nanoTime() - wall;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
        sink += bytes;
        return new Sample((double) cpu / ops, (double) wall / ops, (double) allocated / ops);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<TranslationBenchCase> cases(Path fixtures) throws Exception {
        byte[] request = Files.readAllBytes(fixtures.resolve("chat-request.json"));
        byte[] streamRequest = Files.readAllBytes(fixtures.resolve("chat-stream-request.json"));
        RequestFacts facts = RequestBodyParser.parse(Endpoint.CHAT, request).facts();
        RequestFacts streamFacts = RequestBodyParser.parse(Endpoint.CHAT, streamRequest).facts();
        byte[] openAiAnswer = Files.readAllBytes(fixtures.resolve("chat-completion.json"));
        String openAiStream = Files.readString(fixtures.resolve("chat-completion-stream.txt"));

        JsonNode answer = JSON.readTree(openAiAnswer);
        String text = answer.path("choices").path(0).path("message").path("content").asString();
        JsonNode usage = answer.path("usage");
        List<String> pieces = new ArrayList<>();
        JsonNode streamUsage = null;
        for (String event : openAiStream.split("\n\n")) {
            String data = event.strip().substring("data: ".length());
            if (data.equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = JSON.readTree(data);
            JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
            if (content.isString() && !content.asString().isEmpty()) {
                pieces.add(content.asString());
            }
            if (chunk.path("usage").isObject()) {
                streamUsage = chunk.path("usage");
            }
        }
        int prompt = usage.path("prompt_tokens").asInt();
        int streamPrompt = streamUsage.path("prompt_tokens").asInt();
        int streamOutput = streamUsage.path("completion_tokens").asInt();
        return List.of(
                new OpenAiTranslationBenchCase(request, facts, streamRequest, streamFacts, MODEL, openAiAnswer,
                        chunks(openAiStream)),
                new AnthropicTranslationBenchCase(request, facts, streamRequest, streamFacts, "claude-sonnet-4-5",
                        anthropicMessage(text, prompt, usage.path("completion_tokens").asInt()),
                        chunks(anthropicStream(pieces, streamPrompt, streamOutput))),
                new GeminiTranslationBenchCase(request, streamRequest, streamFacts.includeUsage(), "gemini-2.5-flash",
                        geminiResponse(text, prompt, usage.path("completion_tokens").asInt(), "STOP"),
                        chunks(geminiStream(pieces, streamPrompt, streamOutput))));
    }

    /** The stream as the network would deliver it to the gateway: one read per event. */
    private static List<byte[]> chunks(String stream) {
        List<byte[]> chunks = new ArrayList<>();
        for (String event : stream.split("(?<=\n\n)")) {
            chunks.add(event.getBytes(StandardCharsets.UTF_8));
        }
        return chunks;
    }

    /** A Messages API answer as Anthropic documents it (fixtures/anthropic/message.json). */
    private static byte[] anthropicMessage(String text, int input, int output) {
        ObjectNode message = JSON.createObjectNode().put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message")
                .put("role", "assistant").put("model", "claude-sonnet-4-5");
        message.putArray("content").addObject().put("type", "text").put("text", text);
        message.put("stop_reason", "end_turn").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", input).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", output);
        return JSON.writeValueAsBytes(message);
    }

    /** A Messages API stream as Anthropic documents it (fixtures/anthropic/stream-text.sse), one delta per piece. */
    private static String anthropicStream(List<String> pieces, int input, int output) {
        StringBuilder stream = new StringBuilder();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message")
                .put("role", "assistant").put("model", "claude-sonnet-4-5");
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", input).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", 1);
        sse(stream, "message_start", start);
        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        sse(stream, "content_block_start", blockStart);
        sse(stream, "ping", JSON.createObjectNode().put("type", "ping"));
        for (String piece : pieces) {
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            sse(stream, "content_block_delta", delta);
        }
        sse(stream, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", output);
        sse(stream, "message_delta", messageDelta);
        sse(stream, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
        return stream.toString();
    }

    private static void sse(StringBuilder stream, String event, ObjectNode data) {
        stream.append("event: ").append(event).append("\ndata: ").append(JSON.writeValueAsString(data)).append("\n\n");
    }

    /** A generateContent answer as Google documents it (fixtures/gemini/generate-response.json). */
    private static byte[] geminiResponse(String text, int prompt, int output, String finishReason) {
        return JSON.writeValueAsBytes(geminiChunk(text, prompt, output, finishReason));
    }

    /** streamGenerateContent?alt=sse as Google documents it (fixtures/gemini/stream.sse): usage on every chunk. */
    private static String geminiStream(List<String> pieces, int prompt, int output) {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            stream.append("data: ").append(JSON.writeValueAsString(geminiChunk(pieces.get(i), prompt,
                    last ? output : i + 1, last ? "STOP" : null))).append("\n\n");
        }
        return stream.toString();
    }

    private static ObjectNode geminiChunk(String text, int prompt, int output, String finishReason) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", 0);
        response.putObject("usageMetadata").put("promptTokenCount", prompt).put("candidatesTokenCount", output)
                .put("totalTokenCount", prompt + output);
        response.put("modelVersion", "gemini-2.5-flash").put("responseId", "mAitaLmkHPPlz7IPvtfUqQ4");
        return response;
    }
}
