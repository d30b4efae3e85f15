package io.tollgate.gateway.metering;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * What the metering does when PostgreSQL refuses its writes: while the database cannot take them (out of disk, a
 * read-only standby) the events wait in the journal, none dropped, and all arrive once it can; an event whose own
 * values the database refuses is dropped alone. The refusals come from a trigger on a database of the test's own.
 */
class MeteringRefusalIntegrationTest {

    @TempDir
    Path spool;

    private final DataSource database = TestPostgres.instance().freshDatabase().migrate().dataSource();
    private final Seeder seeder = new Seeder(database);
    private final List<UsageEvent> dropped = new CopyOnWriteArrayList<>();
    private MeteringQueue queue;
    private MeteringWorker worker;

    @BeforeEach
    void refusalsOnDemand() {
        seeder.jdbc().sql("""
                create table write_refusal (state text not null);
                create sequence refused_writes;
                create function refuse_writes() returns trigger language plpgsql as $$
                declare refusal text;
                begin
                    select state into refusal from write_refusal limit 1;
                    if refusal is not null then
                        perform nextval('refused_writes');
                        raise exception 'refused by the test' using errcode = refusal;
                    end if;
                    return new;
                end $$;
                create trigger refuse_writes before insert on usage_events
                    for each row execute function refuse_writes();
                """).update();
        var properties = new MeteringProperties(100, Duration.ofMillis(20), spool, DataSize.ofMegabytes(16),
                Duration.ofMillis(100), Duration.ofMillis(100), 0);
        UsageListener dropWatcher = new UsageListener() {
            @Override
            public void dropped(UsageEvent event) {
                dropped.add(event);
            }
        };
        queue = new MeteringQueue(properties);
        worker = new MeteringWorker(queue, new UsageBatchWriter(database, Clock.systemUTC(), List.of(dropWatcher)),
                properties, List.of(dropWatcher));
    }

    @AfterEach
    void stop() throws Exception {
        worker.stop();
        queue.close();
    }

    /** Out of disk, a read-only standby during a failover, a deadlock, a statement timeout, too many connections. */
    @ParameterizedTest
    @ValueSource(strings = {"53100", "25006", "40P01", "57014", "53300"})
    void events_wait_in_the_journal_while_the_database_cannot_take_them_and_all_arrive_once_it_can(String state) {
        var key = key();
        refuse(state);
        worker.start();
        offer(key, 30, 0);

        await(() -> refusedWrites() >= 3, Duration.ofSeconds(15), "three refused attempts");
        assertThat(dropped).isEmpty();
        assertThat(count(key)).isZero();
        assertThat(queue.depth()).isEqualTo(30);

        refuse(null);
        await(() -> count(key) == 30, Duration.ofSeconds(15), "every event once the database takes them");
        assertThat(dropped).isEmpty();
        assertThat(worker.droppedEvents()).isZero();
    }

    @Test
    void an_event_whose_values_the_database_refuses_is_dropped_alone() {
        var key = key();
        worker.start();
        offer(key, 9, 0);
        offer(key, 1, 50); // 50 cached tokens of a 10-token prompt: the table's check refuses it

        await(() -> count(key) == 9 && !dropped.isEmpty(), Duration.ofSeconds(15), "the nine, and the one dropped");
        assertThat(dropped).singleElement().extracting(UsageEvent::cachedTokens).isEqualTo(50);
        assertThat(worker.droppedEvents()).as("counted for the alert").isEqualTo(1);
    }

    private record Key(UUID tenant, UUID app, UUID key) {
    }

    private Key key() {
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        return new Key(tenant, app, seeder.key(tenant, app, null).id());
    }

    private void refuse(String state) {
        seeder.jdbc().sql("delete from write_refusal").update();
        if (state != null) {
            seeder.jdbc().sql("insert into write_refusal values (?)").param(state).update();
        }
    }

    private long refusedWrites() {
        return seeder.jdbc().sql("select case when is_called then last_value else 0 end from refused_writes")
                .query(Long.class).single();
    }

    private void offer(Key key, int events, int cachedTokens) {
        Instant now = Instant.now();
        for (int i = 0; i < events; i++) {
            queue.offer(new UsageEvent(EventIds.next(now), now, key.tenant(), key.app(), key.key(), "CHAT", "mock-gpt",
                    null, null, null, null, null, 10, 20, cachedTokens, 0, false, BigDecimal.ZERO, 5, null, 200, null,
                    false, ""));
        }
    }

    private int count(Key key) {
        return seeder.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(key.key())
                .query(Integer.class).single();
    }
}
