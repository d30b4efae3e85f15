package io.tollgate.model.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

class UsagePersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    UsageEventRepository events;
    @Autowired
    UsageDailyRepository daily;
    @Autowired
    UsageDailyAdminQueries dailyAdminQueries;

    @Test
    void a_served_event_round_trips_through_the_partitioned_table() {
        UUID tenant = tenant().getId();
        var routing = new UsageEvent.Routing("gpt-4o-mini", UUID.randomUUID(), UUID.randomUUID(), "gpt-4o-mini-2024-07-18",
                UUID.randomUUID());
        UsageEvent event = events.save(new UsageEvent(new UsageEventId(UUID.randomUUID(), NOW), tenant, UUID.randomUUID(),
                UUID.randomUUID(), Endpoint.CHAT, "gpt-4o-mini", routing, new TokenUsage(1200, 300, 1000, 100), false,
                Money.usd("0.000345000000001"), 200, null, 812, 95, true, "env=prod,team=a"));
        flushAndClear();

        UsageEvent loaded = events.findFirstByTenantIdAndId(tenant, event.getRequestId()).orElseThrow();

        assertSameState(loaded, event);
        assertThat(loaded.getIngestedAt()).as("set by the database").isNotNull();
        assertThat(loaded.getRouting()).contains(routing);
        assertThat(loaded.getTokens()).isEqualTo(new TokenUsage(1200, 300, 1000, 100));
        assertThat(loaded.getCost()).isEqualTo(Money.usd("0.000345000000001"));
        assertThat(loaded.getTtftMs()).hasValue(95);
    }

    @Test
    void a_refused_event_has_no_routing_and_recent_events_come_newest_first() {
        UUID tenant = tenant().getId();
        Instant earlier = NOW.minusSeconds(30);
        UsageEvent refused = events.save(event(tenant, earlier, 429, "insufficient_quota"));
        UsageEvent later = events.save(event(tenant, NOW, 200, null));
        flushAndClear();

        assertThat(events.findFirstByTenantIdAndId(tenant, refused.getRequestId()).orElseThrow().getRouting()).isEmpty();
        assertThat(events.findRecentByTenantId(tenant, earlier, NOW.plusSeconds(1), Limit.of(10)))
                .extracting(UsageEvent::getRequestId).containsExactly(later.getRequestId(), refused.getRequestId());
        assertThat(events.findRecentByTenantId(tenant, earlier, NOW, Limit.of(10)))
                .extracting(UsageEvent::getRequestId).containsExactly(refused.getRequestId());
    }

    @Test
    void a_daily_rollup_round_trips_and_accumulates_exactly() {
        UUID tenant = tenant().getId();
        UUID app = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 20);
        var rollup = new UsageDaily(new UsageDailyId(tenant, day, app, "gpt-4o-mini", ""), NOW);
        rollup.add(3, 1, new TokenUsage(100, 50, 10, 5), Money.usd("0.000000000000001"), NOW);
        rollup.add(2, 0, new TokenUsage(1, 1, 0, 0), Money.usd("0.2"), NOW);
        daily.save(rollup);
        flushAndClear();

        UsageDaily loaded = daily.findById(rollup.getId()).orElseThrow();

        assertSameState(loaded, rollup);
        assertThat(loaded.getRequests()).isEqualTo(5);
        assertThat(loaded.getErrorCount()).isEqualTo(1);
        assertThat(loaded.getTokens()).isEqualTo(new TokenUsage(101, 51, 10, 5));
        assertThat(loaded.getCost()).isEqualTo(Money.usd("0.200000000000001"));
        assertThat(daily.findAllByTenantIdAndDayBetweenOrderByDay(tenant, day, day)).hasSize(1);
        assertThat(daily.findAllByTenantIdAndDayBetweenOrderByDay(tenant, day.plusDays(1), day.plusDays(9))).isEmpty();
        assertThat(dailyAdminQueries.findAllByDayBetweenOrderByTenantIdAscDayAsc(day, day))
                .extracting(UsageDaily::getTenantId).contains(tenant);
    }

    private static UsageEvent event(UUID tenant, Instant at, int status, String errorType) {
        return new UsageEvent(new UsageEventId(UUID.randomUUID(), at), tenant, UUID.randomUUID(), UUID.randomUUID(),
                Endpoint.EMBEDDINGS, "text-embedding-3-small", null, TokenUsage.ZERO, true, Money.ZERO, status,
                errorType, 3, null, false, "");
    }
}
