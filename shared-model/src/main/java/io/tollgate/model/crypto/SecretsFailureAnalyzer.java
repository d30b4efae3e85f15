package io.tollgate.model.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or malformed secret into one clear start-up message instead of a stack trace. */
class SecretsFailureAnalyzer extends AbstractFailureAnalyzer<SecretsConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + cause.environmentVariable() + " (see README, Configuration), or set "
                        + "tollgate.secrets.dev-defaults=true for local development and tests only.",
                cause);
    }
}
