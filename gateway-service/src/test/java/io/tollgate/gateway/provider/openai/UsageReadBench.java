package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.provider.openai.OpenAiUsageReader.Parsed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What reading an answer's usage costs, as bench/usage-read-bench.sh runs it: the gateway bench's provider answer
 * (bench/gateway/chat-completion.json) read by {@link OpenAiUsageReader#parse} and by Jackson's streaming parser
 * ({@link JacksonUsageReference}, how the gateway read it before), in alternating rounds on one thread. Prints CPU
 * time and bytes allocated per read for each, then the medians. Not a test.
 *
 * <p>Arguments: {@code [answer, default bench/gateway/chat-completion.json] [reads per round, default 500000]
 * [rounds, default 8]}.
 */
public final class UsageReadBench {

    public static void main(String[] args) throws IOException {
        byte[] answer = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "bench/gateway/chat-completion.json"));
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        if (!OpenAiUsageReader.parse(answer).equals(JacksonUsageReference.parse(answer))) {
            throw new IllegalStateException("the two readers disagree on " + answer.length + " bytes");
        }
        double[] cursor = new double[rounds];
        double[] jackson = new double[rounds];
        long sink = 0;
        sink += measure(OpenAiUsageReader::parse, answer, perRound, "warm-up", 0);
        sink += measure(JacksonUsageReference::parse, answer, perRound, "warm-up", 0);
        for (int round = 1; round <= rounds; round++) {
            boolean cursorFirst = round % 2 == 1;
            for (int turn = 0; turn < 2; turn++) {
                if (cursorFirst == (turn == 0)) {
                    cursor[round - 1] = measure(OpenAiUsageReader::parse, answer, perRound, "cursor", round);
                } else {
                    jackson[round - 1] = measure(JacksonUsageReference::parse, answer, perRound, "jackson", round);
                }
            }
        }
        Arrays.sort(cursor);
        Arrays.sort(jackson);
        System.out.printf("median: cursor %.0f ns, jackson %.0f ns per read of %d bytes (%d)%n", cursor[rounds / 2],
                jackson[rounds / 2], answer.length, sink % 10);
    }

    /** Nanoseconds of CPU per read, printed with the bytes allocated per read. */
    private static double measure(Function<byte[], Parsed> reader, byte[] answer, int reads, String name, int round) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long cpu = threads.getThreadCpuTime(thread);
        long bytes = threads.getThreadAllocatedBytes(thread);
        long tokens = 0;
        for (int i = 0; i < reads; i++) {
            tokens += reader.apply(answer).usage().map(usage -> usage.promptTokens()).orElse(0L);
        }
        double nanos = (double) (threads.getThreadCpuTime(thread) - cpu) / reads;
        if (round > 0) {
            System.out.printf("round %d %s: %.0f ns and %.0f bytes per read%n", round, name, nanos,
                    (double) (threads.getThreadAllocatedBytes(thread) - bytes) / reads);
        }
        return tokens == 0 ? Double.NaN : nanos;
    }
}
