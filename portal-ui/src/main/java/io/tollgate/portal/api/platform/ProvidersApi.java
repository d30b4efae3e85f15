package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.providers.BedrockCredential;
import io.tollgate.portal.admin.providers.ProviderAdminService;
import io.tollgate.portal.admin.providers.ProviderAdminService.VersionedProvider;
import io.tollgate.portal.admin.providers.ProviderDraft;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.common.PortalException;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers, through {@link ProviderAdminService} as on the Providers screen (their deployments:
 * {@link DeploymentsApi}). Credentials are write-only: stored encrypted, never in an answer, never logged.
 */
@RestController
@RequestMapping("/api/v1/providers")
@Tag(name = "Providers", description = "Upstream LLM providers and their credentials, write-only (platform ADMIN)")
class ProvidersApi {

    /**
     * has_credential tells whether one is stored; the credential itself is never returned. connect_timeout_ms and
     * response_timeout_ms apply to every deployment that sets none of its own.
     */
    record Provider(UUID id, String name, String type, @Nullable String baseUrl, boolean enabled,
                    @Nullable String region, boolean acceptsStreamOptions, @Nullable Integer healthCheckSeconds,
                    @Nullable Integer connectTimeoutMs, @Nullable Integer responseTimeoutMs, boolean hasCredential,
                    long version) {

        static Provider of(VersionedProvider versioned) {
            var p = versioned.provider();
            return new Provider(p.id(), p.draft().name(), p.draft().type(), p.draft().baseUrl(), p.draft().enabled(),
                    p.draft().region(), p.draft().acceptsStreamOptions(), p.draft().healthCheckSeconds(),
                    p.draft().connectTimeoutMs(), p.draft().responseTimeoutMs(), p.hasCredential(),
                    versioned.version());
        }
    }

    /**
     * A whole provider: type OPENAI, OPENAI_COMPATIBLE, AZURE_OPENAI, ANTHROPIC, GEMINI, BEDROCK or MOCK; enabled
     * defaults to true. A BEDROCK provider needs its AWS region. The credential replaces the stored one when given
     * (absent keeps it): an API key in {@code credential} (a Bedrock API key too), or for BEDROCK the AWS access keys
     * in {@code aws_access_key_id}, {@code aws_secret_access_key} and an optional {@code aws_session_token}. An
     * OpenAI-wire server (OPENAI, OPENAI_COMPATIBLE, AZURE_OPENAI) that refuses {@code stream_options} is sent
     * {@code accepts_stream_options: false} (default true): the gateway then counts its streams' tokens itself.
     * {@code health_check_seconds} (5 to 3600; absent or null: none) has the gateway send each of the provider's
     * deployments a cheap request that often and take a failing one out of the rotation until a check passes.
     * {@code connect_timeout_ms} (1 to 60000) is how long the gateway waits for a connection to the provider,
     * {@code response_timeout_ms} (1 to 3600000) how long for each read of an answer; a deployment may set its own.
     * Absent or null keeps the stored timeout (a new provider: 5000 and 120000).
     */
    record ProviderRequest(String name, String type, @Nullable String baseUrl, @Nullable Boolean enabled,
                           @Nullable String region, @Nullable String credential, @Nullable String awsAccessKeyId,
                           @Nullable String awsSecretAccessKey, @Nullable String awsSessionToken,
                           @Nullable Boolean acceptsStreamOptions, @Nullable Integer healthCheckSeconds,
                           @Nullable Integer connectTimeoutMs, @Nullable Integer responseTimeoutMs) {

        ProviderDraft draft() {
            boolean bedrock = ProviderDraft.BEDROCK.equals(type);
            return new ProviderDraft(name == null ? "" : name, type == null ? "" : type, baseUrl,
                    enabled == null || enabled, bedrock ? region : null,
                    acceptsStreamOptions == null || acceptsStreamOptions, healthCheckSeconds, connectTimeoutMs,
                    responseTimeoutMs);
        }

        /** The credential to store; null keeps the stored one. */
        @Nullable String secret() {
            boolean awsKeys = Stream.of(awsAccessKeyId, awsSecretAccessKey, awsSessionToken)
                    .anyMatch(value -> value != null && !value.isBlank());
            if (!awsKeys) {
                return credential;
            }
            if (!ProviderDraft.BEDROCK.equals(type)) {
                throw new PortalException("AWS access keys are for BEDROCK providers; send the API key as credential");
            }
            if (credential != null && !credential.isBlank()) {
                throw new PortalException("Send either a Bedrock API key (credential) or AWS access keys, not both");
            }
            return BedrockCredential.accessKeys(awsAccessKeyId, awsSecretAccessKey, awsSessionToken);
        }

        /** Spring MVC logs request bodies at debug level: the secrets stay out. */
        @Override
        public String toString() {
            return "ProviderRequest[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", enabled=" + enabled
                    + ", region=" + region + ", acceptsStreamOptions=" + acceptsStreamOptions + ", healthCheckSeconds="
                    + healthCheckSeconds + ", connectTimeoutMs=" + connectTimeoutMs + ", responseTimeoutMs="
                    + responseTimeoutMs + ", credential=<redacted>]";
        }
    }

    private final ProviderAdminService providers;

    ProvidersApi(ProviderAdminService providers) {
        this.providers = providers;
    }

    @GetMapping
    CursorPage<Provider> list(@RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(providers.listVersioned().stream().map(Provider::of).toList(), Provider::id, cursor,
                limit);
    }

    @PostMapping
    ResponseEntity<Provider> create(@RequestBody ProviderRequest request) {
        Provider provider = read(providers.save(null, request.draft(), request.secret()));
        return ResponseEntity.created(URI.create("/api/v1/providers/" + provider.id()))
                .eTag(Versions.etag(provider.version())).body(provider);
    }

    @GetMapping("/{providerId}")
    ResponseEntity<Provider> get(@PathVariable UUID providerId) {
        Provider provider = read(providerId);
        return ResponseEntity.ok().eTag(Versions.etag(provider.version())).body(provider);
    }

    @PutMapping("/{providerId}")
    ResponseEntity<Provider> update(@PathVariable UUID providerId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                    @Nullable String ifMatch, @RequestBody ProviderRequest request) {
        providers.update(providerId, Versions.ifMatch(ifMatch), request.draft(), request.secret());
        Provider provider = read(providerId);
        return ResponseEntity.ok().eTag(Versions.etag(provider.version())).body(provider);
    }

    private Provider read(UUID providerId) {
        return providers.find(providerId).map(Provider::of).orElseThrow(() -> PortalException.notFound("Provider"));
    }
}
