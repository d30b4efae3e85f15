package io.tollgate.billing.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.testsupport.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** Two billing instances are two lock providers on two separate connections to one database. */
class JobLockIntegrationTest extends BillingIntegrationTest {

    @Autowired
    JobRunner instanceA;

    @Test
    void two_billing_instances_never_run_the_same_job_at_once() throws Exception {
        JobRunner instanceB = new JobRunner(
                JobsConfiguration.lockProviderOn(TestPostgres.instance().shared().dataSource()), clock,
                Duration.ofMinutes(5), new SimpleMeterRegistry());
        UUID tenant = data.tenant();
        data.eventsCosting(tenant, data.app(tenant, "app"), "gpt-4o", 3, Instant.parse("2030-02-01T10:00:00Z"), "1");
        String job = "usage-rollup-" + UUID.randomUUID();
        CountDownLatch aIsRunning = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> instanceA.run(job, () -> {
            runs.incrementAndGet();
            rollup.catchUp();
            aIsRunning.countDown();
            await(releaseA);
        }));
        assertThat(aIsRunning.await(30, TimeUnit.SECONDS)).isTrue();
        boolean bRanMeanwhile = instanceB.run(job, () -> {
            runs.incrementAndGet();
            rollup.catchUp();
        });
        releaseA.countDown();

        assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bRanMeanwhile).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(instanceB.run(job, runs::incrementAndGet)).as("free again once A finished").isTrue();
        assertThat(jdbc.sql("select sum(requests) from usage_daily where tenant_id = :t").param("t", tenant)
                .query(Long.class).single()).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
