package io.tollgate.portal.webhooks;

import io.tollgate.model.webhook.WebhookEvents;
import io.tollgate.portal.common.PortalException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a webhook may be: an absolute https URL (plain http only to this machine, for trying it out), without
 * credentials in it, and at least one event type that Tollgate really sends.
 */
public final class WebhookRules {

    static final int LONGEST_URL = 2000;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private WebhookRules() {
    }

    /** @return the draft's events in the order Tollgate lists them */
    static List<String> check(WebhookDraft draft) {
        urlProblem(draft.url()).ifPresent(problem -> {
            throw new PortalException(problem);
        });
        if (draft.events().isEmpty()) {
            throw new PortalException("Choose at least one event");
        }
        for (String event : draft.events()) {
            if (!WebhookEvents.SUBSCRIBABLE.contains(event)) {
                throw new PortalException("Unknown event \"" + event + "\"; Tollgate sends "
                        + String.join(", ", WebhookEvents.SUBSCRIBABLE));
            }
        }
        return WebhookEvents.SUBSCRIBABLE.stream().filter(draft.events()::contains).toList();
    }

    /** Why the URL cannot be a webhook, if it cannot. */
    static Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Enter the URL Tollgate posts to");
        }
        if (url.length() > LONGEST_URL) {
            return Optional.of("The URL is longer than " + LONGEST_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notUri) {
            return Optional.of("This is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty() || uri.getRawAuthority() == null) {
            return Optional.of("Enter a full URL, e.g. https://hooks.example.com/tollgate");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Leave credentials out of the URL; deliveries are signed instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("A webhook URL has no #fragment");
        }
        if (scheme.equals("https") || scheme.equals("http") && LOCAL_HOSTS.contains(host)) {
            return Optional.empty();
        }
        return Optional.of(scheme.equals("http") ? "Use https (plain http only for localhost)"
                : "Use an https URL");
    }
}
