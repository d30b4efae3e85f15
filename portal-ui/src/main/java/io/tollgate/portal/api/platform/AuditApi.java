package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.audit.AuditQueryService;
import io.tollgate.portal.api.ApiRequestException;
import io.tollgate.portal.api.CursorPage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, through {@link AuditQueryService} as on the Audit log screen (platform ADMIN). */
@RestController
@Tag(name = "Audit log", description = "Every change, newest first, with the person or token that made it (platform ADMIN)")
class AuditApi {

    private final AuditQueryService audit;

    AuditApi(AuditQueryService audit) {
        this.audit = audit;
    }

    /** details is the change's JSON object, as text. from (inclusive) and to (exclusive) are instants. */
    @GetMapping("/api/v1/audit-log")
    CursorPage<AuditQueryService.Record> list(
            @RequestParam(name = "tenant_id", required = false) @Nullable UUID tenantId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.valueOf(CursorPage.decode(cursor));
            } catch (NumberFormatException notOurs) {
                throw ApiRequestException.badRequest("This cursor was not given by this API");
            }
        }
        List<AuditQueryService.Record> rows = audit.page(new AuditQueryService.Filter(tenantId, action, actor, from, to),
                before, size + 1);
        List<AuditQueryService.Record> items = rows.stream().limit(size).toList();
        return new CursorPage<>(items, rows.size() > size ? CursorPage.encode(String.valueOf(items.getLast().id()))
                : null);
    }
}
