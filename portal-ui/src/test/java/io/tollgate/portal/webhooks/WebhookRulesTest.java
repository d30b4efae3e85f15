package io.tollgate.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    @Test
    void https_anywhere_and_plain_http_only_to_this_machine() {
        assertThat(WebhookRules.urlProblem("https://hooks.example.com/tollgate?x=1")).isEmpty();
        assertThat(WebhookRules.urlProblem("http://localhost:8080/hook")).isEmpty();
        assertThat(WebhookRules.urlProblem("http://127.0.0.1:9/hook")).isEmpty();
        assertThat(WebhookRules.urlProblem("http://[::1]:9/hook")).isEmpty();

        assertThat(WebhookRules.urlProblem("http://hooks.example.com/")).get().asString().contains("https");
        assertThat(WebhookRules.urlProblem("http://localhost.example.com/")).isPresent();
        assertThat(WebhookRules.urlProblem("ftp://example.com/")).isPresent();
        assertThat(WebhookRules.urlProblem("https://user:pw@example.com/")).get().asString().contains("credentials");
        assertThat(WebhookRules.urlProblem("/relative")).isPresent();
        assertThat(WebhookRules.urlProblem("https:///nohost")).isPresent();
        assertThat(WebhookRules.urlProblem("https://example.com/a b")).isPresent();
        assertThat(WebhookRules.urlProblem("")).isPresent();
        assertThat(WebhookRules.urlProblem("https://example.com/" + "a".repeat(2000))).isPresent();
    }
}
