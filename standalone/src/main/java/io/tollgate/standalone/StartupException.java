package io.tollgate.standalone;

/** A reason the standalone run cannot start, worded for the person who started it. */
final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
