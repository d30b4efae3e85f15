package io.tollgate.gateway.provider.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp.Answer;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/** An exchange whose answer is read whole, for {@code UpstreamHttp.post}: one {@link Answer}, whatever its status. */
final class AnswerExchange extends Exchange {

    private final CoreSubscriber<? super Answer> actual;
    private final RateLimitReport rateLimits;
    private @Nullable BodyBuffer body;

    AnswerExchange(UpstreamConnections connections, Call call, CoreSubscriber<? super Answer> actual,
                   RateLimitReport rateLimits) {
        super(connections, call, actual.currentContext());
        this.actual = actual;
        this.rateLimits = rateLimits;
    }

    @Override
    void head(int status, HttpHeaders headers) {
        if (status / 100 == 2) {
            rateLimits.report(headers, context);
        }
        body = new BodyBuffer(contentLength(headers));
    }

    static long contentLength(HttpHeaders headers) {
        String declared = headers.get(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    void content(ByteBuf content) {
        if (body != null) {
            body.append(content);
        }
    }

    @Override
    void end() {
        if (isCancelled()) {
            return;
        }
        actual.onNext(new Answer(status, headers, body == null ? new byte[0] : body.bytes()));
        actual.onComplete();
    }

    @Override
    void error(Throwable failure) {
        if (!isCancelled()) {
            actual.onError(UpstreamErrors.fromFailure(failure));
        }
    }

    @Override
    boolean wantsMore() {
        return true;
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            Operators.reportBadRequest(n);
        }
    }
}
