package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.support.ManagementApi;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document as the running application serves it, against the handlers Spring MVC really mapped. */
@PortalIntegrationTest
class OpenApiDocumentIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void every_mapped_management_api_handler_is_in_the_openapi_3_1_document() {
        ManagementApi.Reply reply = new ManagementApi(port).get(null, "/api/v1/openapi.json");
        assertThat(reply.status()).as("public, no token: %s", reply).isEqualTo(200);
        JsonNode document = reply.json();
        assertThat(document.path("openapi").asString()).startsWith("3.1");

        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> mapped = new TreeSet<>();
        // springdoc's own handlers serve the document itself
        handlers.getHandlerMethods().entrySet().stream()
                .filter(handler -> handler.getValue().getBeanType().getPackageName().startsWith("io.tollgate"))
                // the answer for paths that are not endpoints
                .filter(handler -> handler.getValue().getBeanType() != UnknownEndpoint.class)
                .forEach(handler -> handler.getKey().getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/v1/"))
                .forEach(pattern -> handler.getKey().getMethodsCondition().getMethods()
                        .forEach(verb -> mapped.add(verb.name() + " " + pattern))));

        assertThat(mapped).as("the API's handlers").hasSizeGreaterThan(25);
        assertThat(documented).as("documented operations").containsAll(mapped);
        assertThat(new HashSet<>(mapped)).as("nothing documented that is not served").containsAll(documented);
    }

    @Test
    void the_document_names_properties_as_the_api_writes_them_and_declares_the_bearer_token() {
        JsonNode document = new ManagementApi(port).get(null, "/api/v1/openapi.json").json();

        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("CursorPageApp").path("properties").has("next_cursor")).as("%s", schemas).isTrue();
        assertThat(schemas.path("App").path("properties").has("created_at")).isTrue();
        assertThat(document.path("components").path("securitySchemes").path("accessToken").path("scheme").asString())
                .isEqualTo("bearer");
    }
}
