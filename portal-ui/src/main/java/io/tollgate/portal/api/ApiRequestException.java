package io.tollgate.portal.api;

import org.springframework.http.HttpStatus;

/** A request the API itself refuses before any service sees it: a bad cursor, a missing If-Match. */
public class ApiRequestException extends RuntimeException {

    private final HttpStatus status;

    public ApiRequestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiRequestException badRequest(String message) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, message);
    }

    HttpStatus status() {
        return status;
    }
}
