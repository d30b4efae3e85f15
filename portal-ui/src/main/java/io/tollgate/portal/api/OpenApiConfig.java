package io.tollgate.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document springdoc builds from the controllers ({@code /api/v1/openapi.json}): bearer access
 * tokens, and the same snake_case property names the API writes (springdoc reads the schemas with its own Jackson).
 */
@Configuration
class OpenApiConfig {

    private static final String TOKEN = "accessToken";

    @Bean
    OpenAPI managementApi() {
        return new OpenAPI()
                .info(new Info().title("Tollgate management API").version("v1").description("""
                        Everything a tenant or a platform administrator does in the portal, by script. \
                        Authenticate with an access token made in the portal (Access tokens): \
                        `Authorization: Bearer tgm_...`. Errors are RFC 9457 problem details; lists are cursor \
                        pages (`limit`, `cursor`, `next_cursor`); creating POSTs accept `Idempotency-Key`; updates \
                        need `If-Match` with the ETag read; times are ISO-8601 UTC and money is a decimal string."""))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tgm_ access token")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    @Bean
    ModelResolver snakeCaseModelResolver() {
        ObjectMapper mapper = Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return new ModelResolver(mapper);
    }
}
