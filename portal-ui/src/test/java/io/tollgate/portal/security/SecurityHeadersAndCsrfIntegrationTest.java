package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.support.PortalIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What any HTTP client sees: the security headers on every kind of response, and the sign-in form's CSRF check. */
@PortalIntegrationTest
class SecurityHeadersAndCsrfIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/signup", "/dashboard", "/actuator/health", "/no-such-page",
            "/VAADIN/build/does-not-exist.js"})
    void every_response_carries_the_security_headers(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).build(),
                HttpResponse.BodyHandlers.ofString());

        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).as(path).contains(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy")).as(path).contains(SecurityConfig.PERMISSIONS_POLICY);
        assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
    }

    @Test
    void the_sign_in_form_is_refused_without_its_csrf_token_and_accepted_with_it() throws Exception {
        String page = http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String credentials = "username=" + encode(PortalIntegrationTest.ADMIN_EMAIL) + "&password="
                + encode(PortalIntegrationTest.ADMIN_PASSWORD);

        HttpResponse<String> forged = postLogin(credentials);
        assertThat(forged.statusCode()).as("a cross-site form has no token").isEqualTo(403);
        assertThat(dashboard().statusCode()).as("not signed in").isEqualTo(302);

        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the sign-in page carries the token:%n%s", page).isTrue();
        HttpResponse<String> genuine = postLogin(credentials + "&_csrf=" + encode(token.group(1)));
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(genuine.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error").doesNotContain("login"));
        assertThat(dashboard().statusCode()).as("signed in").isEqualTo(200);
    }

    private HttpResponse<String> dashboard() throws Exception {
        return http.send(HttpRequest.newBuilder(url("/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
