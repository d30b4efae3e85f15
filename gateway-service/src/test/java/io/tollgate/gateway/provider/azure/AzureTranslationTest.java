package io.tollgate.gateway.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.openai.OpenAiRequestRewriter;
import io.tollgate.gateway.provider.openai.OpenAiStreamTranslator;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.common.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Azure OpenAI's documented wire format: deployment URLs, its usage and stream extras, its content-filter errors. */
class AzureTranslationTest {

    @Test
    void a_deployment_url_carries_the_deployment_and_the_api_version() {
        var configured = provider("https://contoso.openai.azure.com/", Map.of("apiVersion", "2025-04-01-preview"));
        var defaulted = provider("https://contoso.openai.azure.com", Map.of());

        assertThat(AzureEndpoints.build(configured, "gpt-4o-prod", Endpoint.CHAT)).hasToString(
                "https://contoso.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2025-04-01-preview");
        assertThat(AzureEndpoints.build(defaulted, "embed", Endpoint.EMBEDDINGS)).hasToString(
                "https://contoso.openai.azure.com/openai/deployments/embed/embeddings?api-version=" + AzureEndpoints.DEFAULT_API_VERSION);
        assertThat(AzureEndpoints.build(defaulted, "instruct", Endpoint.COMPLETIONS)).hasToString(
                "https://contoso.openai.azure.com/openai/deployments/instruct/completions?api-version=2024-10-21");
    }

    @Test
    void a_content_filter_refusal_is_a_400_content_filter_with_azure_s_words() {
        var rejection = AzureErrors.rejection(answer(400, "error-content-filter.json"));

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.code()).isEqualTo("content_filter");
        assertThat(rejection.message()).startsWith("The provider's content filter blocked this request: ")
                .contains("triggering Azure OpenAI's content management policy");
    }

    @Test
    void other_errors_keep_their_meaning() {
        var refusedKey = AzureErrors.rejection(answer(401, "error-401.json"));
        var missingDeployment = AzureErrors.rejection(answer(404, "error-404-deployment.json"));

        assertThat(refusedKey.status()).isEqualTo(502);
        assertThat(refusedKey.code()).isEqualTo("upstream_auth_failed");
        assertThat(refusedKey.message()).contains("Access denied due to invalid subscription key");
        assertThat(missingDeployment.status()).isEqualTo(404);
        assertThat(missingDeployment.message()).contains("The API deployment for this resource does not exist");
    }

    @Test
    void usage_with_cached_and_reasoning_tokens_and_a_content_filter_finish_pass_through() {
        assertThat(OpenAiUsageReader.parse(fixture("chat-completion.json")).usage())
                .hasValue(new TokenUsage(1200, 300, 1024, 128));
        assertThat(new String(fixture("chat-completion-content-filtered.json"), StandardCharsets.UTF_8))
                .contains("\"finish_reason\": \"content_filter\"");
        assertThat(OpenAiStreamTranslator.generatedText(fixture("chat-completion-content-filtered.json")))
                .isEqualTo("The story begins");
    }

    @Test
    void azure_s_stream_passes_with_its_prompt_filter_chunk_and_without_the_usage_chunk_the_gateway_asked_for() {
        var translator = new OpenAiStreamTranslator(false);
        var forwarded = new StringBuilder();

        for (String event : new String(fixture("chat-stream.sse"), StandardCharsets.UTF_8).split("(?<=\n\n)")) {
            byte[] out = translator.accept(event.getBytes(StandardCharsets.UTF_8));
            if (out != null) {
                forwarded.append(new String(out, StandardCharsets.UTF_8));
            }
        }

        assertThat(forwarded.toString()).contains("prompt_filter_results").doesNotContain("\"prompt_tokens\"")
                .endsWith("data: [DONE]\n\n");
        assertThat(translator.generatedText()).isEqualTo("Hello world");
        assertThat(translator.reported()).hasValue(new TokenUsage(1200, 300, 1024, 128));
        assertThat(Arrays.stream(forwarded.toString().split("\n\n")).filter(e -> !e.isBlank())).hasSize(6);
    }

    @Test
    void the_body_keeps_openai_s_shape_and_asks_a_stream_for_usage() {
        byte[] body = "{\"model\":\"alias\",\"messages\":[],\"stream\":true}".getBytes(StandardCharsets.UTF_8);
        var facts = new RequestFacts("alias", true, OptionalInt.empty(), false, PromptText.NONE);

        String sent = new String(OpenAiRequestRewriter.rewrite(new UpstreamRequest(Endpoint.CHAT,
                provider("https://x.openai.azure.com", Map.of()), "gpt-4o-prod", body, facts)), StandardCharsets.UTF_8);

        assertThat(sent).contains("\"model\":\"gpt-4o-prod\"").contains("\"stream_options\":{\"include_usage\":true}");
    }

    static ProviderEntry provider(String baseUrl, Map<String, String> settings) {
        return new ProviderEntry(UUID.randomUUID(), "azure", ProviderType.AZURE_OPENAI, baseUrl, "azure-key", settings,
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1);
    }

    private static UpstreamHttp.Answer answer(int status, String fixture) {
        return new UpstreamHttp.Answer(status, new DefaultHttpHeaders(), fixture(fixture));
    }

    static byte[] fixture(String name) {
        try (InputStream in = AzureTranslationTest.class.getResourceAsStream("/fixtures/azure/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
