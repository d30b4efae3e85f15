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
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: java RequestStages.java recording.jfr CPU_US_PER_REQUEST [FROM TO]");
            System.exit(2);
        }
        double cpuPerRequest = Double.parseDouble(args[1]);
        Instant from = args.length == 4 ? Instant.parse(args[2]) : Instant.MIN;
        Instant to = args.length == 4 ? Instant.parse(args[3]) : Instant.MAX;
        Map<String, Long> samples = new LinkedHashMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                    || event.getStartTime().isAfter(to)) {
                continue;
            }
            samples.merge(stage(event), 1L, Long::sum);
            total++;
        }
        System.out.printf("| stage | share of the Java samples | µs per request (of %.0f) |%n", cpuPerRequest);
        System.out.println("|---|---:|---:|");
        long all = total;
        samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry ->
                System.out.printf("| %s | %.1f%% | %.1f |%n", entry.getKey(), 100.0 * entry.getValue() / all,
                        cpuPerRequest * entry.getValue() / all));
        System.out.printf("%n%d execution samples.%n", total);
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
