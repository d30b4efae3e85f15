package io.tollgate.gateway.provider.http;

import java.io.IOException;

/** The provider closed the connection before its answer was complete. */
public final class UpstreamClosedException extends IOException {

    private final boolean beforeAnswer;

    UpstreamClosedException(boolean beforeAnswer) {
        super(beforeAnswer ? "The connection closed before the answer" : "The connection closed during the answer");
        this.beforeAnswer = beforeAnswer;
    }

    /** Whether nothing of the answer had arrived (not even its status line). */
    public boolean beforeAnswer() {
        return beforeAnswer;
    }
}
