package io.tollgate.portal.common;

/** A refusal the user can act on; its message is shown as is, so it never carries internals. */
public class PortalException extends RuntimeException {

    public PortalException(String message) {
        super(message);
    }

    /** What a tenant sees for another tenant's id as well as for an id that does not exist: nothing. */
    public static PortalException notFound(String what) {
        return new PortalException(what + " not found");
    }
}
