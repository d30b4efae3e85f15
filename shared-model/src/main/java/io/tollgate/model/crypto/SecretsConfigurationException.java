package io.tollgate.model.crypto;

/** A server secret is missing or malformed; the message names the environment variable, never the value. */
public class SecretsConfigurationException extends IllegalStateException {

    private final String environmentVariable;

    public SecretsConfigurationException(String environmentVariable, String message) {
        super(message);
        this.environmentVariable = environmentVariable;
    }

    public String environmentVariable() {
        return environmentVariable;
    }
}
