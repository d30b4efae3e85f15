package io.tollgate.gateway.auth;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.RequestContext.Caller;
import org.jspecify.annotations.Nullable;

/** The caller, or why there is none. */
public record Authentication(@Nullable Caller caller, @Nullable Rejection rejection) {

    static Authentication of(Caller caller) {
        return new Authentication(caller, null);
    }

    static Authentication refused(Rejection rejection) {
        return new Authentication(null, rejection);
    }
}
