import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The gateway's CPU per request by stage, from a Flight Recorder recording of a load run: each execution sample of
 * the gateway's threads is put in the stage its innermost known frame names (a gateway class, or a framework part
 * such as Netty's HTTP codecs), and a stage's share of the samples times the run's CPU per request is its cost.
 * <p>
 * Usage: {@code java bench/jfr/RequestStages.java recording.jfr CPU_US_PER_REQUEST [FROM TO]} (FROM and TO: ISO-8601
 * instants bounding the measured run; without them, every sample). Execution samples see Java code only: the kernel's
 * share (the sockets' system calls) and the JVM's own threads (collector, compiler) are in the CPU per request but not
 * in any stage, so the stages are scaled to the samples' total and the table says so.
 * <p>
 * {@code java bench/jfr/RequestStages.java --allocation recording.jfr BYTES_PER_REQUEST [FROM TO]} does the same for
 * the bytes allocated: Flight Recorder's allocation samples ({@code jdk.ObjectAllocationSample}, on in the profile
 * settings), each weighed by the bytes it stands for; then the allocating sites (the innermost gateway frame or, without
 * one, the innermost frame, and the class allocated) with the most bytes.
 */
public class RequestStages {

    /** Class-name prefixes and the stage they mean, most specific first. */
    private static final List<Map.Entry<String, String>> STAGES = List.of(
            Map.entry("io.tollgate.gateway.metering.TokenCounter", "token count"),
            Map.entry("io.tollgate.gateway.metering.O200kCounter", "token count"),
            Map.entry("io.tollgate.gateway.metering.RankTable", "token count"),
            Map.entry("io.tollgate.gateway.metering.HeapMerge", "token count"),
            Map.entry("io.tollgate.gateway.metering.GatewayMetrics", "metrics"),
            Map.entry("io.tollgate.gateway.metering.UsageBatchWriter", "metering: writing to PostgreSQL"),
            Map.entry("io.tollgate.gateway.metering.UsageCopyRows", "metering: writing to PostgreSQL"),
            Map.entry("io.tollgate.gateway.metering.MeteringWorker", "metering: writing to PostgreSQL"),
            Map.entry("io.tollgate.gateway.budget.BudgetSpendWriter", "metering: writing to PostgreSQL"),
            Map.entry("io.tollgate.gateway.metering", "metering: usage event, journal, metrics"),
            Map.entry("io.tollgate.gateway.observability.AccessLog", "access log"),
            Map.entry("ch.qos.logback", "access log"),
            Map.entry("io.tollgate.gateway.provider.openai.OpenAiUsageReader", "usage read"),
            Map.entry("io.tollgate.gateway.request", "body parse and validation"),
            Map.entry("io.tollgate.gateway.api.BodyReader", "body parse and validation"),
            Map.entry("io.tollgate.gateway.auth", "API key"),
            Map.entry("io.tollgate.gateway.subscription", "policies: subscription"),
            Map.entry("io.tollgate.gateway.limits", "policies: limits"),
            Map.entry("io.tollgate.gateway.budget", "policies: budget"),
            Map.entry("io.tollgate.gateway.cache", "policies: cache"),
            Map.entry("io.tollgate.gateway.routing", "routing and failover"),
            Map.entry("io.tollgate.gateway.provider", "provider call: adapter"),
            Map.entry("io.tollgate.gateway.tracing", "tracing"),
            Map.entry("io.tollgate.gateway", "gateway: handler, context, rest"),
            Map.entry("org.postgresql", "metering: writing to PostgreSQL"),
            Map.entry("com.zaxxer.hikari", "metering: writing to PostgreSQL"),
            Map.entry("reactor.netty.http.client", "provider call: HTTP client"),
            Map.entry("reactor.netty.resources", "provider call: HTTP client"),
            Map.entry("io.netty.handler.codec.http.HttpClientCodec", "provider call: HTTP client"),
            Map.entry("reactor.netty.http.server", "HTTP server"),
            Map.entry("io.netty.handler.codec.http", "HTTP codecs (both sides)"),
            Map.entry("io.netty.channel.epoll", "network I/O (epoll, Java side)"),
            Map.entry("io.netty", "Netty: pipeline, buffers, event loop"),
            Map.entry("reactor.core", "Reactor operators"),
            Map.entry("io.micrometer", "metrics"));

    public static void main(String[] args) throws IOException {
        boolean allocation = args.length > 0 && args[0].equals("--allocation");
        String[] rest = allocation ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        if (rest.length != 2 && rest.length != 4) {
            System.err.println("usage: java RequestStages.java [--allocation] recording.jfr PER_REQUEST [FROM TO]");
            System.exit(2);
        }
        double perRequest = Double.parseDouble(rest[1]);
        Instant from = rest.length == 4 ? Instant.parse(rest[2]) : Instant.MIN;
        Instant to = rest.length == 4 ? Instant.parse(rest[3]) : Instant.MAX;
        String eventType = allocation ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
        Map<String, Long> stages = new LinkedHashMap<>();
        Map<String, Long> sites = new LinkedHashMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(rest[0]))) {
            if (!event.getEventType().getName().equals(eventType) || event.getStartTime().isBefore(from)
                    || event.getStartTime().isAfter(to)) {
                continue;
            }
            long weight = allocation ? event.getLong("weight") : 1;
            stages.merge(stage(event), weight, Long::sum);
            if (allocation) {
                sites.merge(site(event) + " allocates " + event.getClass("objectClass").getName(), weight, Long::sum);
            }
            total += weight;
        }
        String unit = allocation ? "bytes" : "µs";
        System.out.printf("| stage | share of the %s | %s per request (of %.0f) |%n",
                allocation ? "bytes allocated" : "Java samples", unit, perRequest);
        System.out.println("|---|---:|---:|");
        print(stages, total, perRequest, stages.size());
        if (allocation) {
            System.out.printf("%n| site | share | bytes per request |%n|---|---:|---:|%n");
            print(sites, total, perRequest, 30);
        }
        System.out.printf("%n%s %s.%n", allocation ? "Allocation samples weighing" : "Execution samples:",
                allocation ? total + " bytes" : Long.toString(total));
    }

    private static void print(Map<String, Long> shares, long total, double perRequest, int limit) {
        shares.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("| %s | %.1f%% | %.1f |%n", entry.getKey(),
                        100.0 * entry.getValue() / total, perRequest * entry.getValue() / total));
    }

    /** The innermost gateway frame, else the innermost frame, as class.method:line. */
    private static String site(RecordedEvent event) {
        var stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return "(no stack)";
        }
        RecordedFrame chosen = stack.getFrames().getFirst();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod().getType().getName().startsWith("io.tollgate.")) {
                chosen = frame;
                break;
            }
        }
        String type = chosen.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + chosen.getMethod().getName() + ":" + chosen.getLineNumber();
    }

    private static String stage(RecordedEvent event) {
        var stack = event.getStackTrace();
        if (stack == null) {
            return "(no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String stage = match(frame.getMethod().getType().getName());
            if (stage != null) {
                return stage;
            }
        }
        return "other (JDK, libraries)";
    }

    /** The stage a frame's class names; null when it names none (JDK and library code: the caller decides). */
    private static String match(String type) {
        for (var entry : STAGES) {
            if (type.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
