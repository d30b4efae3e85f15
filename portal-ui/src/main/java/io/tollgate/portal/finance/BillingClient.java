package io.tollgate.portal.finance;

import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.model.crypto.PortalAssertion;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls billing's API in the name of the signed-in user ({@link PortalAssertion}): billing checks that user's role
 * itself. A refusal from billing becomes a {@link PortalException} carrying billing's own explanation (its problem
 * detail), so the screen shows it as a notification.
 */
@Component
class BillingClient {

    static final String API = "/api/v1/billing";
    // a month close over every tenant is the slowest call; the screen waits for its result
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(BillingClient.class);

    private final BillingApiProperties properties;
    private final PortalAssertion assertion;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    BillingClient(BillingApiProperties properties, ApiKeyHasher sharedSecret, CurrentUser currentUser, Clock clock) {
        this.properties = properties;
        this.assertion = new PortalAssertion(sharedSecret);
        this.currentUser = currentUser;
        this.clock = clock;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** A POST with a JSON body, or none. */
    JsonNode post(String path, @Nullable Object body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, @Nullable Object body) {
        String pathAndQuery = API + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(properties.url()) + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", assertion.header(currentUser.require().userId(), method, pathAndQuery,
                        clock.instant()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("Billing at {} did not answer {} {}: {}", properties.url(), method, pathAndQuery, e.toString());
            throw new PortalException("Billing is not reachable just now; nothing was changed. Try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalException("The call to billing was interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(method, pathAndQuery, response);
        }
        return json.readTree(response.body());
    }

    private PortalException refusal(String method, String pathAndQuery, HttpResponse<String> response) {
        String detail = problemDetail(response.body());
        log.info("Billing refused {} {}: {} {}", method, pathAndQuery, response.statusCode(), detail);
        return switch (response.statusCode()) {
            case 401 -> new PortalException("Billing did not accept the portal's credentials (the portal and billing "
                    + "need the same TOLLGATE_API_KEY_SECRET)");
            case 403 -> new PortalException("Billing refused: " + (detail == null ? "your role does not allow this"
                    : detail));
            case 404 -> PortalException.notFound("Invoice");
            case 409 -> PortalException.conflict(detail == null ? "This conflicts with the invoice's state" : detail);
            default -> new PortalException(detail == null
                    ? "Billing could not do this just now (HTTP " + response.statusCode() + ")" : detail);
        };
    }

    /** Billing's RFC 9457 {@code detail}, written for people; null when the body is no problem document. */
    private @Nullable String problemDetail(String body) {
        try {
            JsonNode detail = json.readTree(body).path("detail");
            return detail.isString() && !detail.asString().isBlank() ? detail.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
