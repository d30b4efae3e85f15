package io.tollgate.model.account;

/** A change that would leave a tenant without an administrator, so nobody could manage its members any more. */
public class LastTenantAdminException extends IllegalStateException {

    public LastTenantAdminException() {
        super("A tenant keeps at least one administrator");
    }
}
