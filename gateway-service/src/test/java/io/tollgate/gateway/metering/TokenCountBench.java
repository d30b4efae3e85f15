package io.tollgate.gateway.metering;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * What counting a request's new text costs, as bench/token-count-bench.sh runs it: the user message of the gateway
 * bench's chat body (bench/gateway/chat-request.json), its order number changed for every count as wrk changes it,
 * so no count is remembered whole; the system prompt is not counted here (the gateway remembers its count). Counted
 * in its UTF-8 bytes, as the gateway counts a body's text. Prints CPU time and bytes allocated per count for each
 * round, then the median. Not a test.
 *
 * <p>Arguments: {@code [chat body, default bench/gateway/chat-request.json] [counts per round, default 200000]
 * [rounds, default 8]}.
 */
public final class TokenCountBench {

    public static void main(String[] args) throws IOException {
        Path body = Path.of(args.length > 0 ? args[0] : "bench/gateway/chat-request.json");
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String message = JsonMapper.builder().build().readTree(Files.readString(body)).get("messages").get(1)
                .get("content").asString();
        int mark = message.indexOf("48213");
        if (mark < 0) {
            throw new IllegalArgumentException(body + ": the user message has no order number 48213 to vary");
        }
        String before = message.substring(0, mark);
        String after = message.substring(mark + 5);
        var counter = new O200kCounter(RankTable.o200kBase());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        byte[][] texts = new byte[1024][];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = (before + (10_000 + i * 37) + after).getBytes(StandardCharsets.UTF_8);
        }
        long sink = 0;
        for (int i = 0; i < perRound; i++) {
            sink += counter.count(texts[i & 1023], 0, texts[i & 1023].length);
        }
        double[] micros = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getThreadCpuTime(thread);
            long bytes = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < perRound; i++) {
                sink += counter.count(texts[i & 1023], 0, texts[i & 1023].length);
            }
            micros[round] = (threads.getThreadCpuTime(thread) - cpu) / 1e3 / perRound;
            double allocated = (double) (threads.getThreadAllocatedBytes(thread) - bytes) / perRound;
            System.out.printf("round %d: %.2f µs and %.0f bytes per count of %d UTF-8 bytes%n", round + 1,
                    micros[round], allocated, texts[0].length);
        }
        java.util.Arrays.sort(micros);
        System.out.printf("median: %.2f µs per count (%d tokens counted in all)%n", micros[rounds / 2], sink);
    }
}
