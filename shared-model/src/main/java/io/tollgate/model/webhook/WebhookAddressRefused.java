package io.tollgate.model.webhook;

import java.net.UnknownHostException;

/**
 * A webhook host that resolved to an address inside the platform's network; raised where the HTTP client resolves
 * the host, so no connection is opened. Its message is the reason, for people.
 */
class WebhookAddressRefused extends UnknownHostException {

    WebhookAddressRefused(String reason) {
        super(reason);
    }
}
