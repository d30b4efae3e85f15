package io.tollgate.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** An OpenTelemetry collector's OTLP/HTTP trace receiver, keeping every span it is sent. */
public final class FakeCollector implements AutoCloseable {

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

    private FakeCollector(HttpServer server) {
        this.server = server;
    }

    public static FakeCollector start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            var collector = new FakeCollector(server);
            server.createContext("/v1/traces", collector::receive);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint to export spans to. */
    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            var request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
            request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                    .forEach(scope -> spans.addAll(scope.getSpansList())));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
