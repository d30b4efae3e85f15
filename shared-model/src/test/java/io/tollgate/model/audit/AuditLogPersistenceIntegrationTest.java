package io.tollgate.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.UserAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

class AuditLogPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    AuditLogEntryRepository auditLog;
    @Autowired
    AuditLogAdminQueries adminQueries;

    @Test
    void an_entry_round_trips_with_an_identity_id_and_json_details() {
        Tenant tenant = tenant();
        UserAccount actor = user();
        var entry = new AuditLogEntry(NOW, new AuditLogEntry.Actor(actor.getId(), actor.getEmail(), "203.0.113.9"),
                tenant.getId(), "api_key.revoked", "api_key", "k-1",
                Map.of("prefix", "tg_abcdefgh", "reasons", List.of("leaked", "rotation")));
        auditLog.save(entry);
        var later = auditLog.save(new AuditLogEntry(NOW.plusSeconds(1), AuditLogEntry.Actor.SYSTEM, tenant.getId(),
                "budget.alerted", "budget", null, Map.of()));
        flushAndClear();

        assertThat(entry.getId()).isPresent();
        List<AuditLogEntry> loaded = auditLog.findAllByTenantIdOrderByOccurredAtDescIdDesc(tenant.getId(), Limit.of(10));

        assertThat(loaded).extracting(AuditLogEntry::getAction).containsExactly("budget.alerted", "api_key.revoked");
        assertSameState(loaded.get(1), entry);
        assertThat(loaded.get(1).getDetails()).containsEntry("reasons", List.of("leaked", "rotation"));
        assertThat(loaded.get(0).getActor()).isEqualTo(AuditLogEntry.Actor.SYSTEM);
        assertThat(adminQueries.findAllByOrderByOccurredAtDescIdDesc(Limit.of(1000)))
                .extracting(AuditLogEntry::getId).contains(later.getId());
    }
}
