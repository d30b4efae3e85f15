package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.error.ErrorShape;

/**
 * The metered model endpoints; the names are the values of {@code usage_events.endpoint}. OpenAI's are the gateway's
 * canonical API; {@link #MESSAGES} is Anthropic's Messages API, served through the canonical chat form.
 */
public enum Endpoint {
    CHAT("/chat/completions", "messages"),
    COMPLETIONS("/completions", "prompt"),
    EMBEDDINGS("/embeddings", "input"),
    MESSAGES("/messages", "messages");

    private final String path;
    private final String apiPath;
    private final String inputField;

    Endpoint(String path, String inputField) {
        this.path = path;
        this.apiPath = "/v1" + path;
        this.inputField = inputField;
    }

    /** The path below {@code /v1}, the same upstream. */
    public String path() {
        return path;
    }

    /** The gateway's own path: {@code /v1} and {@link #path()}. */
    public String apiPath() {
        return apiPath;
    }

    /** The request field that carries the model's input. */
    public String inputField() {
        return inputField;
    }

    public boolean canStream() {
        return this != EMBEDDINGS;
    }

    /** The canonical (OpenAI) endpoint whose form the request takes on the way to the providers. */
    public Endpoint canonical() {
        return this == MESSAGES ? CHAT : this;
    }

    /** The error shape of the endpoint's API. */
    public ErrorShape errorShape() {
        return this == MESSAGES ? ErrorShape.ANTHROPIC : ErrorShape.OPENAI;
    }

    /** The error shape for any path: Anthropic's below {@code /v1/messages}, else OpenAI's. */
    public static ErrorShape shapeOfPath(String path) {
        String messages = MESSAGES.apiPath();
        boolean below = path.startsWith(messages)
                && (path.length() == messages.length() || path.charAt(messages.length()) == '/');
        return below ? ErrorShape.ANTHROPIC : ErrorShape.OPENAI;
    }
}
