package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.providers.DeploymentAdminService;
import io.tollgate.portal.admin.providers.DeploymentAdminService.DeploymentRow;
import io.tollgate.portal.admin.providers.DeploymentDraft;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Decimals;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.common.PortalException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A provider's deployments, through {@link DeploymentAdminService} as in the Providers screen's Deployments dialog. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Deployments", description = "Which models a provider serves, and how the gateway routes to each "
        + "(platform ADMIN)")
class DeploymentsApi {

    /** Absent capacity, timeout or cost is unknown; costs are USD per million tokens as decimal strings. */
    record Deployment(UUID id, UUID providerId, UUID modelId, String modelName, String upstreamModel, int weight,
                      int priority, boolean enabled, @Nullable Integer requestsPerMinute,
                      @Nullable Long tokensPerMinute, @Nullable Integer firstByteTimeoutMs,
                      @Nullable Integer totalTimeoutMs, @Nullable Integer connectTimeoutMs,
                      @Nullable Integer idleTimeoutMs, @Nullable String costInputPerMillion,
                      @Nullable String costOutputPerMillion, long version) {

        static Deployment of(DeploymentRow row) {
            DeploymentDraft d = row.draft();
            return new Deployment(row.id(), row.providerId(), d.modelId(), row.modelName(), d.upstreamModel(),
                    d.weight(), d.priority(), d.enabled(), d.requestsPerMinute(), d.tokensPerMinute(),
                    d.firstByteTimeoutMs(), d.totalTimeoutMs(), d.connectTimeoutMs(), d.idleTimeoutMs(),
                    Decimals.format(d.costInputPerMillion()),
                    Decimals.format(d.costOutputPerMillion()), row.version());
        }
    }

    /**
     * A whole deployment: weight (0-10000) defaults to 100, priority (0 or more, lower first) to 0, enabled to true;
     * capacity, timeout and costs absent are unknown. model_id is set on creation and never changes.
     */
    record DeploymentRequest(@Nullable UUID modelId, String upstreamModel, @Nullable Integer weight,
                             @Nullable Integer priority, @Nullable Boolean enabled,
                             @Nullable Integer requestsPerMinute, @Nullable Long tokensPerMinute,
                             @Nullable Integer firstByteTimeoutMs, @Nullable Integer totalTimeoutMs,
                             @Nullable Integer connectTimeoutMs, @Nullable Integer idleTimeoutMs,
                             @Nullable String costInputPerMillion,
                             @Nullable String costOutputPerMillion) {

        DeploymentDraft draft() {
            return new DeploymentDraft(modelId, upstreamModel == null ? "" : upstreamModel,
                    weight == null ? 100 : weight, priority == null ? 0 : priority, enabled == null || enabled,
                    requestsPerMinute, tokensPerMinute, firstByteTimeoutMs, totalTimeoutMs, connectTimeoutMs,
                    idleTimeoutMs,
                    Decimals.parse(costInputPerMillion, "cost_input_per_million"),
                    Decimals.parse(costOutputPerMillion, "cost_output_per_million"));
        }
    }

    private final DeploymentAdminService deployments;

    DeploymentsApi(DeploymentAdminService deployments) {
        this.deployments = deployments;
    }

    @GetMapping("/providers/{providerId}/deployments")
    CursorPage<Deployment> list(@PathVariable UUID providerId,
                                @RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(deployments.deployments(providerId).stream().map(Deployment::of).toList(),
                Deployment::id, cursor, limit);
    }

    @PostMapping("/providers/{providerId}/deployments")
    ResponseEntity<Deployment> create(@PathVariable UUID providerId, @RequestBody DeploymentRequest request) {
        Deployment deployment = read(deployments.add(providerId, request.draft()));
        return ResponseEntity.created(URI.create("/api/v1/deployments/" + deployment.id()))
                .eTag(Versions.etag(deployment.version())).body(deployment);
    }

    @GetMapping("/deployments/{deploymentId}")
    ResponseEntity<Deployment> get(@PathVariable UUID deploymentId) {
        Deployment deployment = read(deploymentId);
        return ResponseEntity.ok().eTag(Versions.etag(deployment.version())).body(deployment);
    }

    /** The gateway routes by the new settings within seconds. */
    @PutMapping("/deployments/{deploymentId}")
    ResponseEntity<Deployment> update(@PathVariable UUID deploymentId,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                      @Nullable String ifMatch, @RequestBody DeploymentRequest request) {
        deployments.update(deploymentId, Versions.ifMatch(ifMatch), request.draft());
        Deployment deployment = read(deploymentId);
        return ResponseEntity.ok().eTag(Versions.etag(deployment.version())).body(deployment);
    }

    /** The gateway stops routing the model here. */
    @DeleteMapping("/deployments/{deploymentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID deploymentId) {
        deployments.remove(deploymentId);
    }

    private Deployment read(UUID deploymentId) {
        return deployments.find(deploymentId).map(Deployment::of)
                .orElseThrow(() -> PortalException.notFound("Deployment"));
    }
}
