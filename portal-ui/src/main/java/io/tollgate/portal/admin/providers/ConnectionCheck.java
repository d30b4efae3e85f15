package io.tollgate.portal.admin.providers;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Tests a provider with its stored credential: most types by listing their models, a Bedrock provider by asking one
 * of its deployed models for a single token ({@link BedrockConnection}). The answer names the HTTP status and the
 * provider's own error message (keys masked) or the failure kind, never the credential.
 */
@Service
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ConnectionCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ProviderAdminService providers;
    private final DeploymentAdminService deployments;
    private final BedrockConnection bedrock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ConnectionCheck(ProviderAdminService providers, DeploymentAdminService deployments, Clock clock) {
        this.providers = providers;
        this.deployments = deployments;
        this.bedrock = new BedrockConnection(clock);
    }

    public String check(UUID providerId) {
        var provider = providers.list().stream().filter(p -> p.id().equals(providerId)).findFirst()
                .orElseThrow(() -> PortalException.notFound("Provider"));
        if (provider.draft().type().equals("MOCK")) {
            return "OK: the built-in mock provider needs no connection";
        }
        if (provider.draft().bedrock()) {
            return checkBedrock(providerId, provider.draft());
        }
        if (provider.draft().baseUrl() == null) {
            return "Failed: the provider has no base URL";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.draft().baseUrl()
                .replaceAll("/+$", "") + "/models")).timeout(TIMEOUT).GET();
        providers.credential(providerId).ifPresent(credential -> {
            request.header("Authorization", "Bearer " + credential);
            request.header("x-api-key", credential);
        });
        return send(request.build(), "");
    }

    private String checkBedrock(UUID providerId, ProviderDraft draft) {
        if (!ProviderDraft.validRegion(draft.region())) {
            return "Failed: the provider has no valid AWS region";
        }
        var model = deployments.deployments(providerId).stream().map(DeploymentAdminService.DeploymentRow::draft)
                .filter(DeploymentDraft::enabled).map(DeploymentDraft::upstreamModel).findFirst();
        if (model.isEmpty()) {
            return "Not tested: Bedrock has no model list to call; add an enabled deployment and the test asks its"
                    + " model for one token";
        }
        var credential = providers.credential(providerId);
        if (credential.isEmpty()) {
            return "Failed: the provider has no credential";
        }
        HttpRequest request;
        try {
            request = bedrock.converse(draft.region().strip(), draft.baseUrl(), model.get(), credential.get(), TIMEOUT);
        } catch (IllegalArgumentException e) {
            return "Failed: " + e.getMessage();
        }
        return send(request, " (model " + model.get() + ")");
    }

    private String send(HttpRequest request, String subject) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return "OK: HTTP " + status + subject;
            }
            return "Failed: HTTP " + status + subject
                    + ProviderErrorText.of(response.body()).map(message -> ": " + message).orElse("");
        } catch (java.io.IOException e) {
            return "Failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Failed: interrupted";
        }
    }
}
