package io.tollgate.billing.api;

import io.tollgate.billing.chargeback.Chargeback;
import io.tollgate.billing.chargeback.Chargebacks;
import io.tollgate.billing.export.CsvExports;
import io.tollgate.billing.security.BillingUser;
import io.tollgate.billing.security.TenantAccess;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chargebacks per tenant, app, model and tag set for [from, to). */
@RestController
@RequestMapping("/api/v1/billing")
class ChargebackController {

    private final Chargebacks chargebacks;
    private final TenantAccess access;
    private final CsvExports csv;

    ChargebackController(Chargebacks chargebacks, TenantAccess access, CsvExports csv) {
        this.chargebacks = chargebacks;
        this.access = access;
        this.csv = csv;
    }

    @GetMapping("/tenants/{tenantId}/chargeback")
    Chargeback chargeback(@PathVariable UUID tenantId, @RequestParam String from, @RequestParam String to) {
        access.requireTenant(tenantId);
        return chargebacks.of(tenantId, Periods.day("from", from), Periods.day("to", to));
    }

    @GetMapping("/tenants/{tenantId}/chargeback.csv")
    ResponseEntity<String> chargebackCsv(@PathVariable UUID tenantId, @RequestParam String from,
                                         @RequestParam String to) {
        access.requireTenant(tenantId);
        Chargeback chargeback = chargebacks.of(tenantId, Periods.day("from", from), Periods.day("to", to));
        return csv("chargeback-" + chargeback.tenantSlug() + "-" + from + ".csv", List.of(chargeback));
    }

    /** Every tenant the caller may see that has usage in the period. */
    @GetMapping("/chargeback.csv")
    ResponseEntity<String> allChargebacksCsv(@RequestParam String from, @RequestParam String to) {
        LocalDate start = Periods.day("from", from);
        LocalDate end = Periods.day("to", to);
        BillingUser user = access.currentUser();
        Collection<UUID> tenants = user.seesAllTenants() ? chargebacks.tenantsWithUsage(start, end)
                : user.billableTenants();
        List<Chargeback> all = tenants.stream().map(tenant -> chargebacks.of(tenant, start, end))
                .sorted(java.util.Comparator.comparing(Chargeback::tenantSlug)).toList();
        return csv("chargeback-" + from + ".csv", all);
    }

    private ResponseEntity<String> csv(String fileName, List<Chargeback> all) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.chargebacks(all));
    }
}
