package io.tollgate.gateway.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tollgate.gateway.metering.MeteringQueue;
import io.tollgate.gateway.metering.MeteringWorker;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gauges and counters of the metering pipeline and the configuration database. */
@Configuration(proxyBeanMethods = false)
class MetricsBinder {

    @Bean
    MeterBinder gatewayGauges(MeteringQueue queue, MeteringWorker worker, SnapshotHolder snapshot, Clock clock) {
        return registry -> {
            Gauge.builder("tollgate.gateway.metering.queue.depth", queue, MeteringQueue::depth)
                    .description("Usage events in the journal, not yet in PostgreSQL").register(registry);
            Gauge.builder("tollgate.gateway.metering.spool.size", queue, MeteringQueue::journalBytes)
                    .description("Disk taken by the usage journal").baseUnit("bytes").register(registry);
            FunctionCounter.builder("tollgate.gateway.metering.lost.events", queue, MeteringQueue::lostEvents)
                    .description("Usage events the journal could not take (a disk failure)").register(registry);
            FunctionCounter.builder("tollgate.gateway.metering.dropped.events", worker, MeteringWorker::droppedEvents)
                    .description("Usage events PostgreSQL refused for their values, never stored").register(registry);
            Gauge.builder("tollgate.gateway.database.up", snapshot, s -> s.databaseReachable() ? 1 : 0)
                    .description("1 while the configuration database answers").register(registry);
            Gauge.builder("tollgate.gateway.snapshot.age", snapshot, s -> s.current()
                            .map(c -> Duration.between(c.loadedAt(), clock.instant()).toMillis() / 1000.0).orElse(-1.0))
                    .baseUnit("seconds").description("Age of the configuration snapshot").register(registry);
        };
    }
}
