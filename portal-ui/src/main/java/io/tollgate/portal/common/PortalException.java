package io.tollgate.portal.common;

/** A refusal the user can act on; its message is shown as is, so it never carries internals. */
public class PortalException extends RuntimeException {

    public PortalException(String message) {
        super(message);
    }

    /** What a tenant sees for another tenant's id as well as for an id that does not exist: nothing. */
    public static PortalException notFound(String what) {
        return new NotFound(what + " not found");
    }

    /** The request clashes with what exists (a taken name, a second live subscription). */
    public static PortalException conflict(String message) {
        return new Conflict(message);
    }

    /** Nothing with that id is visible to the caller; the management API answers 404. */
    public static final class NotFound extends PortalException {
        NotFound(String message) {
            super(message);
        }
    }

    /** The management API answers 409. */
    public static final class Conflict extends PortalException {
        Conflict(String message) {
            super(message);
        }
    }
}
