package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.models.ModelAdminService;
import io.tollgate.portal.admin.models.ModelAdminService.ModelRow;
import io.tollgate.portal.admin.models.ModelDraft;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.common.PortalException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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

/** The model catalog, through {@link ModelAdminService} as on the Models screen (prices: {@link PricesApi}). */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "The model catalog tenants subscribe to (platform ADMIN)")
class ModelsApi {

    /** status ACTIVE, DEPRECATED or DISABLED; routing_strategy is set on the Models screen. */
    record Model(UUID id, String name, String displayName, String description, List<String> capabilities,
                 @Nullable Integer contextWindow, @Nullable Integer maxOutputTokens, boolean requiresApproval,
                 String status, String routingStrategy, long version) {

        static Model of(ModelRow model) {
            ModelDraft d = model.draft();
            return new Model(model.id(), d.name(), d.displayName(), d.description(),
                    Arrays.stream(d.capabilities().split(",")).filter(c -> !c.isBlank()).toList(), d.contextWindow(),
                    d.maxOutputTokens(), d.requiresApproval(), d.status(), model.routingStrategy().name(),
                    model.version());
        }
    }

    /**
     * A whole model: name is what clients send as "model"; requires_approval defaults to true, status to ACTIVE
     * (ACTIVE, DEPRECATED or DISABLED).
     */
    record ModelRequest(String name, String displayName, @Nullable String description,
                        @Nullable List<String> capabilities, @Nullable Integer contextWindow,
                        @Nullable Integer maxOutputTokens, @Nullable Boolean requiresApproval,
                        @Nullable String status) {

        ModelDraft draft() {
            return new ModelDraft(name == null ? "" : name, displayName == null ? "" : displayName,
                    description == null ? "" : description,
                    capabilities == null ? "" : String.join(",", capabilities), contextWindow, maxOutputTokens,
                    requiresApproval == null || requiresApproval, status == null ? "ACTIVE" : status);
        }
    }

    private final ModelAdminService models;

    ModelsApi(ModelAdminService models) {
        this.models = models;
    }

    @GetMapping
    CursorPage<Model> list(@RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(models.list().stream().map(Model::of).toList(), Model::id, cursor, limit);
    }

    @PostMapping
    ResponseEntity<Model> create(@RequestBody ModelRequest request) {
        Model model = read(models.create(request.draft()));
        return ResponseEntity.created(URI.create("/api/v1/models/" + model.id())).eTag(Versions.etag(model.version()))
                .body(model);
    }

    @GetMapping("/{modelId}")
    ResponseEntity<Model> get(@PathVariable UUID modelId) {
        return tagged(read(modelId));
    }

    @PutMapping("/{modelId}")
    ResponseEntity<Model> update(@PathVariable UUID modelId,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                 @RequestBody ModelRequest request) {
        models.update(modelId, Versions.ifMatch(ifMatch), request.draft());
        return tagged(read(modelId));
    }

    /** Status ACTIVE (also from DEPRECATED). */
    @PostMapping("/{modelId}/enable")
    ResponseEntity<Model> enable(@PathVariable UUID modelId) {
        models.changeStatus(modelId, true);
        return tagged(read(modelId));
    }

    /** Status DISABLED: the gateway stops serving it within seconds. */
    @PostMapping("/{modelId}/disable")
    ResponseEntity<Model> disable(@PathVariable UUID modelId) {
        models.changeStatus(modelId, false);
        return tagged(read(modelId));
    }

    private static ResponseEntity<Model> tagged(Model model) {
        return ResponseEntity.ok().eTag(Versions.etag(model.version())).body(model);
    }

    private Model read(UUID modelId) {
        return models.find(modelId).map(Model::of).orElseThrow(() -> PortalException.notFound("Model"));
    }
}
