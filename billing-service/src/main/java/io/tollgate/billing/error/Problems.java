package io.tollgate.billing.error;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** The one error shape of the billing API: RFC 9457 problem+json with a stable {@code code} member. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("https://tollgate.io/problems/" + code.name().toLowerCase().replace('_', '-')));
        problem.setProperty("code", code.name());
        return problem;
    }

    /** For writers outside Spring MVC (the security filter chain), which cannot use message converters. */
    public static String json(ErrorCode code, String detail) {
        return "{\"type\":\"https://tollgate.io/problems/" + code.name().toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + code.status().getReasonPhrase() + "\",\"status\":" + code.status().value()
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":\""
                + code.name() + "\"}";
    }
}
