package io.tollgate.gateway.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.support.BenchRequests;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Map;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import reactor.core.publisher.Mono;

/**
 * What the gateway's tracing costs one request, as bench/tracing-bench.sh runs it: the calls a model request makes
 * ({@link RequestTracing#request}, one provider attempt started, carried and ended, {@link RequestTracing#finish}) with
 * tracing off (no OTLP endpoint: the production default) and on (the OpenTelemetry SDK with a batch processor, every
 * span sampled, spans handed to an exporter that drops them, so the network is not measured), beside a baseline that
 * only builds the request's context. Prints CPU time and bytes allocated per request, measured on this thread. Not a
 * test.
 *
 * <p>Arguments: {@code [requests per round, default 200000] [rounds, default 10]}.
 */
public final class TracingBench {

    /** Held: the batch processor warns on every span it drops when the bench outruns its queue, as it does. */
    private static final java.util.logging.Logger EXPORT_LOG =
            java.util.logging.Logger.getLogger("io.opentelemetry.sdk.trace.export");

    public static void main(String[] args) {
        EXPORT_LOG.setLevel(java.util.logging.Level.OFF);
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var world = new BenchRequests();
        var off = TracingOff.requestTracing();
        try (var provider = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build()).build()) {
            var on = on(provider);
            // warm-up, then rounds interleaved so a change of machine load hits every variant alike
            for (int i = 0; i < 3; i++) {
                measure(null, world, perRound);
                measure(off, world, perRound);
                measure(on, world, perRound);
            }
            double[][] results = new double[3][2];
            for (int round = 0; round < rounds; round++) {
                add(results[0], measure(null, world, perRound));
                add(results[1], measure(off, world, perRound));
                add(results[2], measure(on, world, perRound));
            }
            print("baseline (context only)", results[0], rounds, null);
            print("tracing off", results[1], rounds, results[0]);
            print("tracing on (sampled)", results[2], rounds, results[0]);
        }
    }

    private static RequestTracing on(SdkTracerProvider provider) {
        var otel = provider.get("tollgate-bench");
        var tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        var propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        var beans = new StaticListableBeanFactory(Map.of("tracer", tracer, "propagator", propagator));
        return new RequestTracing(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class),
                new MockEnvironment());
    }

    /** CPU nanoseconds and bytes allocated per request. */
    private static double[] measure(RequestTracing tracing, BenchRequests world, int requests) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long bytesBefore = threads.getThreadAllocatedBytes(thread);
        long sink = 0;
        for (int i = 0; i < requests; i++) {
            var context = world.context();
            if (tracing != null) {
                context.span(tracing.request(world.headers(), Endpoint.CHAT, context.receivedAt()));
                var attempt = tracing.attempt(context, world.route());
                sink += tracing.carry(attempt, Mono.just(1)).block();
                RequestTracing.attemptEnded(attempt, null);
                context.outcome().status(200);
                tracing.finish(context, null);
            }
            sink += context.requestId().length();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {(double) (threads.getCurrentThreadCpuTime() - cpuBefore) / requests,
                (double) (threads.getThreadAllocatedBytes(thread) - bytesBefore) / requests};
    }

    private static void add(double[] total, double[] round) {
        total[0] += round[0];
        total[1] += round[1];
    }

    private static void print(String name, double[] total, int rounds, double[] baseline) {
        double cpu = total[0] / rounds;
        double bytes = total[1] / rounds;
        String added = baseline == null ? ""
                : "   added: %6.2f µs CPU, %6.0f bytes".formatted((cpu - baseline[0] / rounds) / 1000,
                        bytes - baseline[1] / rounds);
        System.out.printf("%-26s %7.2f µs CPU/request  %7.0f bytes/request%s%n", name, cpu / 1000, bytes, added);
    }

    /** Takes every span and sends it nowhere: the bench measures the gateway's work, not a collector's. */
    private static final class DroppingExporter implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
