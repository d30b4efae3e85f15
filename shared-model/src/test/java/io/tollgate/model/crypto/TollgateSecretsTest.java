package io.tollgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyHasher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Binding of {@code tollgate.secrets.*} and the start-up failure, in a bare application context. */
class TollgateSecretsTest {

    private static final String API_SECRET = "a-production-like-secret-of-enough-length";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SecretsConfiguration.class);

    @Test
    void configured_secrets_bind_and_give_the_beans() {
        context.withPropertyValues("tollgate.secrets.api-key-secret=" + API_SECRET,
                        "tollgate.secrets.api-key-secret-id=v2",
                        "tollgate.secrets.master-keys=" + MasterKeys.generate("k9").encoded())
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(ApiKeyHasher.class).keyId()).isEqualTo("v2");
                    assertThat(started.getBean(ApiKeyGenerator.class).generate().hashKeyId()).isEqualTo("v2");
                    assertThat(started.getBean(MasterKeys.class).currentId()).isEqualTo("k9");
                    assertThat(started).hasSingleBean(CredentialCipher.class);
                });
    }

    @Test
    void a_missing_secret_fails_start_up_with_one_sentence_naming_the_variable() {
        context.withPropertyValues("tollgate.secrets.master-keys=" + MasterKeys.generate("k1").encoded())
                .run(started -> {
                    assertThat(started).hasFailed();
                    FailureAnalysis analysis = new SecretsFailureAnalyzer().analyze(started.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .isEqualTo("TOLLGATE_API_KEY_SECRET is not set; Tollgate needs it to start.");
                    assertThat(analysis.getAction()).contains("TOLLGATE_API_KEY_SECRET");
                });
    }

    @Test
    void dev_defaults_let_a_test_context_start_without_secrets() {
        context.withPropertyValues("tollgate.secrets.dev-defaults=true")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(MasterKeys.class).currentId())
                            .isEqualTo(SecretsConfiguration.DEV_MASTER_KEY_ID);
                });
    }

    @Test
    void the_failure_analyzer_is_registered_for_spring_boot() {
        // other analyzers need a bean factory to be built; only ours matters here
        var skipOthers = SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { });

        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, skipOthers))
                .hasAtLeastOneElementOfType(SecretsFailureAnalyzer.class);
    }
}
