package io.tollgate.gateway.pipeline;

/** The metered model endpoints; the names are the values of {@code usage_events.endpoint}. */
public enum Endpoint {
    CHAT("/chat/completions", "messages"),
    COMPLETIONS("/completions", "prompt"),
    EMBEDDINGS("/embeddings", "input");

    private final String path;
    private final String inputField;

    Endpoint(String path, String inputField) {
        this.path = path;
        this.inputField = inputField;
    }

    /** The path below {@code /v1}, the same upstream. */
    public String path() {
        return path;
    }

    /** The gateway's own path: {@code /v1} and {@link #path()}. */
    public String apiPath() {
        return "/v1" + path;
    }

    /** The request field that carries the model's input. */
    public String inputField() {
        return inputField;
    }

    public boolean canStream() {
        return this != EMBEDDINGS;
    }
}
