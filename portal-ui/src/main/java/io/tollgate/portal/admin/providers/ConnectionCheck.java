package io.tollgate.portal.admin.providers;

import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Tests a provider by listing its models with the stored credential. The answer names the HTTP status or the
 * failure kind, never the credential.
 */
@Service
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ConnectionCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ProviderAdminService providers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ConnectionCheck(ProviderAdminService providers) {
        this.providers = providers;
    }

    public String check(UUID providerId) {
        var provider = providers.list().stream().filter(p -> p.id().equals(providerId)).findFirst()
                .orElseThrow(() -> io.tollgate.portal.common.PortalException.notFound("Provider"));
        if (provider.draft().type().equals("MOCK")) {
            return "OK: the built-in mock provider needs no connection";
        }
        if (provider.draft().bedrock()) {
            // Bedrock signs each request with SigV4 and lists no models at the runtime URL: no check here yet
            return "Not tested: the connection test does not cover Bedrock yet; send a chat request to one of its models";
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
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? "OK: HTTP " + status : "Failed: HTTP " + status;
        } catch (java.io.IOException e) {
            return "Failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Failed: interrupted";
        }
    }
}
