package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.models.ModelAdminService;
import io.tollgate.portal.admin.models.ModelAdminService.PriceRow;
import io.tollgate.portal.admin.models.PriceDraft;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Decimals;
import io.tollgate.portal.common.PortalException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A model's effective-dated prices, through {@link ModelAdminService} as on the Models screen: a new price starts now
 * or later and none is ever edited, so past costs never change.
 */
@RestController
@RequestMapping("/api/v1/models/{modelId}/prices")
@Tag(name = "Prices", description = "What tenants pay per million tokens of a model, from a date on (platform ADMIN)")
class PricesApi {

    /**
     * USD per million tokens as decimal strings; reasoning_per_million absent = priced as output,
     * cache_write_input_per_million absent = priced as input.
     */
    record Price(UUID id, Instant effectiveFrom, String inputPerMillion, String outputPerMillion,
                 String cachedInputPerMillion, @Nullable String reasoningPerMillion,
                 @Nullable String cacheWriteInputPerMillion) {

        static Price of(PriceRow price) {
            PriceDraft d = price.draft();
            return new Price(price.id(), d.effectiveFrom(), d.inputPerMillion().toPlainString(),
                    d.outputPerMillion().toPlainString(), d.cachedInputPerMillion().toPlainString(),
                    Decimals.format(d.reasoningPerMillion()), Decimals.format(d.cacheWriteInputPerMillion()));
        }
    }

    /** effective_from is now or later (ISO-8601); the three first prices are required. */
    record PriceRequest(Instant effectiveFrom, String inputPerMillion, String outputPerMillion,
                        String cachedInputPerMillion, @Nullable String reasoningPerMillion,
                        @Nullable String cacheWriteInputPerMillion) {

        PriceDraft draft() {
            return new PriceDraft(effectiveFrom, Decimals.parse(inputPerMillion, "input_per_million"),
                    Decimals.parse(outputPerMillion, "output_per_million"),
                    Decimals.parse(cachedInputPerMillion, "cached_input_per_million"),
                    Decimals.parse(reasoningPerMillion, "reasoning_per_million"),
                    Decimals.parse(cacheWriteInputPerMillion, "cache_write_input_per_million"));
        }
    }

    private final ModelAdminService models;

    PricesApi(ModelAdminService models) {
        this.models = models;
    }

    /** Newest start first. */
    @GetMapping
    CursorPage<Price> list(@PathVariable UUID modelId, @RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(models.prices(modelId).stream().map(Price::of).toList(), Price::id, cursor, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Price add(@PathVariable UUID modelId, @RequestBody PriceRequest request) {
        UUID id = models.addPrice(modelId, request.draft());
        return models.prices(modelId).stream().filter(price -> price.id().equals(id)).findFirst().map(Price::of)
                .orElseThrow(() -> PortalException.notFound("Price"));
    }
}
