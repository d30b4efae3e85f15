package io.tollgate.portal.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under /api/v1 is a 404 problem. Without this, Spring MVC hands unmatched paths to Vaadin, which
 * answers with the portal's page. (A known path with a method it does not serve is also 404 here, not 405: this
 * mapping matches every method.)
 */
@RestController
@Hidden
class UnknownEndpoint {

    @RequestMapping("/api/v1/**")
    void unknown() {
        throw new ApiRequestException(HttpStatus.NOT_FOUND, "No such endpoint; see /api/v1/openapi.json");
    }
}
