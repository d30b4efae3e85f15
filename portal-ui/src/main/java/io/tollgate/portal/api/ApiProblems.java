package io.tollgate.portal.api;

import io.tollgate.portal.common.PortalException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API's one error renderer: every refusal is an RFC 9457 problem detail. The services' refusals map
 * by kind (not found 404 — also for another tenant's id —, conflict 409, anything else the caller can fix 400), a
 * role the token lacks 403, a stale version 412; Spring MVC's own (bad parameters, unsupported media type, unknown
 * method) come from {@link ResponseEntityExceptionHandler}. Nothing internal reaches the caller.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(PortalException.class)
    ProblemDetail refused(PortalException refused) {
        HttpStatus status = switch (refused) {
            case PortalException.NotFound notFound -> HttpStatus.NOT_FOUND;
            case PortalException.Conflict conflict -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ProblemDetail.forStatusAndDetail(status, refused.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException denied) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token's role does not allow this");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException stale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "It changed since the version in If-Match; read it again and retry");
    }

    @ExceptionHandler(ApiRequestException.class)
    ProblemDetail badRequest(ApiRequestException bad) {
        return ProblemDetail.forStatusAndDetail(bad.status(), bad.getMessage());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException conflict) {
        log.info("Management API request conflicts with the data: {}", conflict.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This conflicts with existing data");
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException error) {
        log.error("Unexpected error in the management API", error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong");
    }
}
