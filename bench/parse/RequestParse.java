import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.request.RequestBodyParser;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What reading a chat body costs the gateway (RequestBodyParser, with everything it checks), on the thread that runs
 * it: CPU time and bytes allocated per body, the median of the measured rounds. The gateway bench's chat body, its
 * order number changed in every body as wrk changes it. Run by bench/request-parse-bench.sh, once per build compared.
 * <p>
 * Usage: {@code java -cp GATEWAY_CLASSES:DEPENDENCIES bench/parse/RequestParse.java LABEL [BODY] [ROUNDS]}
 */
public class RequestParse {

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String body = Files.readString(Path.of(args.length > 1 ? args[1] : "bench/gateway/chat-request.json"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        byte[][] bodies = new byte[256][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = body.replace("48213", Integer.toString(10_000 + i * 37)).getBytes(StandardCharsets.UTF_8);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int perRound = 300_000;
        long parts = 0;
        double[] nanos = new double[rounds];
        double bytes = 0;
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                var parsed = RequestBodyParser.parse(Endpoint.CHAT, bodies[i & 255]);
                parts += parsed.facts().prompt().parts().size();
            }
            if (round >= 0) {
                nanos[round] = (threads.getCurrentThreadCpuTime() - cpu) / (double) perRound;
                bytes = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) perRound;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("%-10s %6.0f ns and %5.0f bytes per body of %d bytes and %d parts (median of %d rounds)%n",
                label, nanos[rounds / 2], bytes, bodies[0].length, parts / ((rounds + 3L) * perRound), rounds);
    }
}
