package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.catalog.CatalogModel;
import io.tollgate.portal.catalog.CatalogService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The model catalog, through {@link CatalogService} as on the catalog screen. */
@RestController
@Tag(name = "Catalog", description = "Active models with today's prices (every tenant role)")
class CatalogApi {

    /** Prices in USD per million tokens, as exact decimal strings; null while a model has none. */
    record Model(UUID id, String name, String displayName, String description, List<String> capabilities,
                 int contextWindow, boolean requiresApproval, @Nullable String inputPerMillionUsd,
                 @Nullable String outputPerMillionUsd, @Nullable String cachedInputPerMillionUsd) {

        static Model of(CatalogModel model) {
            return new Model(model.id(), model.name(), model.displayName(), model.description(), model.capabilities(),
                    model.contextWindow(), model.requiresApproval(), decimal(model.inputPerMillion()),
                    decimal(model.outputPerMillion()), decimal(model.cachedInputPerMillion()));
        }
    }

    private final CatalogService catalog;

    CatalogApi(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/catalog/models")
    CursorPage<Model> list(@RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(catalog.activeModels().stream().map(Model::of).toList(), Model::id, cursor, limit);
    }

    static @Nullable String decimal(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
