package io.tollgate.gateway.provider;

/** A provider's complete answer to a non-streaming call. */
public record UpstreamReply(int status, byte[] body) {

    public boolean ok() {
        return status == 200;
    }
}
