package io.tollgate.portal.webhooks;

import io.tollgate.portal.common.PortalException;

/** The webhook's URL names a host Tollgate does not post to; the form shows it on the URL, the API answers 400. */
final class WebhookUrlRefused extends PortalException {

    WebhookUrlRefused(String reason) {
        super(reason);
    }
}
