package io.tollgate.gateway.provider.http;

import java.io.IOException;

/**
 * Every connection to the provider that this event loop may open is in use, and the request could not wait for one:
 * too many requests were waiting already, or none came free within the provider's connect timeout.
 */
public final class UpstreamBusyException extends IOException {

    UpstreamBusyException(String message) {
        super(message);
    }
}
