package io.tollgate.gateway.error;

import tools.jackson.core.JsonGenerator;

/**
 * How a client API words a {@link Rejection}; each route answers in its API's shape, with the rejection's status.
 * OpenAI's: {@code {"error":{"message","type","param","code"}}}, and in a stream a {@code data:} event of it.
 * Anthropic's: {@code {"type":"error","error":{"type","message"}}} with the type Anthropic documents for the status,
 * and in a stream an {@code event: error}.
 */
public enum ErrorShape {

    OPENAI {
        @Override
        void write(JsonGenerator generator, Rejection rejection) {
            generator.writeName("error");
            generator.writeStartObject();
            generator.writeStringProperty("message", rejection.message());
            generator.writeStringProperty("type", rejection.type());
            generator.writeStringProperty("param", rejection.param());
            generator.writeStringProperty("code", rejection.code());
            generator.writeEndObject();
        }

        @Override
        String eventPrefix() {
            return "data: ";
        }
    },

    ANTHROPIC {
        @Override
        void write(JsonGenerator generator, Rejection rejection) {
            generator.writeStringProperty("type", "error");
            generator.writeName("error");
            generator.writeStartObject();
            generator.writeStringProperty("type", anthropicType(rejection.status()));
            generator.writeStringProperty("message", rejection.message());
            generator.writeEndObject();
        }

        @Override
        String eventPrefix() {
            return "event: error\ndata: ";
        }
    };

    /** Writes the members of the error object the generator has opened. */
    abstract void write(JsonGenerator generator, Rejection rejection);

    /** What precedes the JSON in a server-sent error event. */
    abstract String eventPrefix();

    /**
     * Anthropic's error type for a status, as its errors reference lists them: other 4xx statuses are
     * {@code invalid_request_error} there too; the gateway's 502/504 are failures on its side, {@code api_error}.
     */
    static String anthropicType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status < 500 ? "invalid_request_error" : "api_error";
        };
    }
}
