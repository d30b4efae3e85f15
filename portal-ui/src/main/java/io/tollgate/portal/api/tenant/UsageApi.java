package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.ApiRequestException;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.usage.UsageEventRow;
import io.tollgate.portal.usage.UsageFilter;
import io.tollgate.portal.usage.UsagePosition;
import io.tollgate.portal.usage.UsageService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's metered usage, through {@link UsageService} as on the Usage screen: paged JSON or CSV. */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "Usage", description = "Metered requests, filtered (every tenant role)")
class UsageApi {

    /** One request; cost in USD as an exact decimal string. */
    record UsageEvent(UUID id, Instant occurredAt, @Nullable UUID appId, String app, @Nullable UUID apiKeyId,
                      String keyPrefix, String model, int promptTokens, int completionTokens, String costUsd,
                      int statusCode, @Nullable String tags) {

        static UsageEvent of(UsageEventRow e) {
            return new UsageEvent(e.id(), e.occurredAt(), e.appId(), e.app(), e.apiKeyId(), e.keyPrefix(), e.model(),
                    e.promptTokens(), e.completionTokens(), e.costUsd().toPlainString(), e.statusCode(), e.tags());
        }
    }

    private final UsageService usage;
    private final Clock clock;

    UsageApi(UsageService usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    /** From and to are inclusive UTC days; without them, the last 30 days. */
    @GetMapping
    CursorPage<UsageEvent> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                @Nullable LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                @Nullable LocalDate to,
                                @RequestParam(name = "app_id", required = false) @Nullable UUID appId,
                                @RequestParam(required = false) @Nullable String model,
                                @RequestParam(name = "key_id", required = false) @Nullable UUID keyId,
                                @RequestParam(required = false) @Nullable String tag,
                                @RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        List<UsageEventRow> rows = usage.page(filter(from, to, appId, model, keyId, tag),
                cursor == null ? null : position(cursor), size + 1);
        List<UsageEvent> items = rows.stream().limit(size).map(UsageEvent::of).toList();
        String next = rows.size() > size ? cursor(rows.get(size - 1).position()) : null;
        return new CursorPage<>(items, next);
    }

    @GetMapping(value = "/csv", produces = "text/csv")
    void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
             @RequestParam(name = "app_id", required = false) @Nullable UUID appId,
             @RequestParam(required = false) @Nullable String model,
             @RequestParam(name = "key_id", required = false) @Nullable UUID keyId,
             @RequestParam(required = false) @Nullable String tag,
             HttpServletResponse response) throws IOException {
        UsageFilter filter = filter(from, to, appId, model, keyId, tag);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"usage-" + filter.from() + "-"
                + filter.to() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        usage.exportCsv(filter, out);
        out.flush();
    }

    private UsageFilter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID appId,
                               @Nullable String model, @Nullable UUID keyId, @Nullable String tag) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end = to == null ? today : to;
        return new UsageFilter(from == null ? end.minusDays(29) : from, end, appId, model, keyId, tag);
    }

    private static String cursor(UsagePosition position) {
        return CursorPage.encode(position.occurredAt() + "|" + position.id());
    }

    private static UsagePosition position(String cursor) {
        String[] parts = CursorPage.decode(cursor).split("\\|");
        try {
            return new UsagePosition(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException notOurs) {
            throw ApiRequestException.badRequest("This cursor was not given by this API");
        }
    }
}
