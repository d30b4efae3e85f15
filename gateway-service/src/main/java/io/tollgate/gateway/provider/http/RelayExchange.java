package io.tollgate.gateway.provider.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp.Answer;
import io.tollgate.gateway.provider.UpstreamHttp.FailureReader;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * An exchange whose successful answer is relayed as the network delivers it, for {@code UpstreamHttp.chunks}: each
 * piece of the body one item, read only while the subscriber asks for more. An answer that is not a success is read
 * whole and fails the flux with the rejection {@code failures} makes of it. What was read ahead of the subscriber's
 * demand waits in a queue, and an end or a failure waits behind it.
 */
final class RelayExchange extends Exchange {

    private final CoreSubscriber<? super byte[]> actual;
    private final FailureReader failures;
    private final RateLimitReport rateLimits;
    private @Nullable BodyBuffer failedBody;
    private @Nullable ArrayDeque<byte[]> queue;
    private long demand;
    private boolean ended;
    private @Nullable Throwable failure;
    private boolean done;
    private boolean draining;

    RelayExchange(UpstreamConnections connections, Call call, CoreSubscriber<? super byte[]> actual,
                  FailureReader failures, RateLimitReport rateLimits) {
        super(connections, call, actual.currentContext());
        this.actual = actual;
        this.failures = failures;
        this.rateLimits = rateLimits;
    }

    @Override
    void head(int status, HttpHeaders headers) {
        if (status / 100 == 2) {
            rateLimits.report(headers, context);
        } else {
            failedBody = new BodyBuffer(AnswerExchange.contentLength(headers));
        }
    }

    @Override
    void content(ByteBuf content) {
        if (failedBody != null) {
            failedBody.append(content);
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(content);
        if (demand > 0 && (queue == null || queue.isEmpty()) && !done) {
            demand--;
            actual.onNext(bytes);
        } else {
            if (queue == null) {
                queue = new ArrayDeque<>();
            }
            queue.add(bytes);
        }
    }

    @Override
    void end() {
        if (failedBody != null) {
            var answer = new Answer(status, headers, failedBody.bytes());
            Throwable rejection;
            try {
                rejection = failures.rejection(answer).asException();
            } catch (RuntimeException e) {
                rejection = e;
            }
            terminate(UpstreamErrors.fromFailure(rejection));
        } else {
            ended = true;
            drain();
        }
    }

    @Override
    void error(Throwable cause) {
        terminate(UpstreamErrors.fromFailure(cause));
    }

    private void terminate(Throwable cause) {
        failure = cause;
        ended = true;
        drain();
    }

    @Override
    boolean wantsMore() {
        return failedBody != null || (demand > 0 && (queue == null || queue.isEmpty()));
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            Operators.reportBadRequest(n);
            return;
        }
        if (loop.inEventLoop()) {
            more(n);
        } else {
            loop.execute(() -> more(n));
        }
    }

    private void more(long n) {
        boolean paused = !wantsMore();
        demand = Operators.addCap(demand, n);
        drain();
        if (paused && !ended && wantsMore()) {
            resume();
        }
    }

    private void drain() {
        if (draining || done) {
            return;
        }
        draining = true;
        try {
            while (demand > 0 && queue != null && !queue.isEmpty() && !isCancelled()) {
                demand--;
                actual.onNext(queue.poll());
            }
            if (isCancelled()) {
                done = true;
                queue = null;
            } else if (ended && (queue == null || queue.isEmpty())) {
                done = true;
                if (failure != null) {
                    actual.onError(failure);
                } else {
                    actual.onComplete();
                }
            }
        } finally {
            draining = false;
        }
    }
}
