package io.tollgate.billing.alerts;

/** A notification was not delivered; the message is stored as last_error, so it never holds secrets. */
class DeliveryException extends RuntimeException {

    DeliveryException(String message) {
        super(message);
    }
}
