package io.tollgate.gateway.server;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SupervisedThreadTest {

    @Test
    void work_that_throws_is_started_again_until_it_returns() throws Exception {
        var runs = new AtomicInteger();
        var exited = new AtomicReference<VirtualMachineError>();
        Thread thread = SupervisedThread.start("test-worker", () -> {
            if (runs.incrementAndGet() < 3) {
                throw new IllegalStateException("unexpected");
            }
        }, Duration.ofMillis(10), exited::set);

        thread.join(Duration.ofSeconds(5));
        assertThat(thread.isAlive()).isFalse();
        assertThat(runs.get()).isEqualTo(3);
        assertThat(exited.get()).isNull();
    }

    @Test
    void an_out_of_memory_error_exits_the_process_instead_of_restarting() throws Exception {
        var runs = new AtomicInteger();
        var exited = new AtomicReference<VirtualMachineError>();
        Thread thread = SupervisedThread.start("test-worker", () -> {
            runs.incrementAndGet();
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofMillis(10), exited::set);

        await(() -> exited.get() != null, Duration.ofSeconds(5), "the exit");
        thread.join(Duration.ofSeconds(5));
        assertThat(exited.get()).isInstanceOf(OutOfMemoryError.class);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void an_interrupted_pause_ends_the_thread() throws Exception {
        var runs = new AtomicInteger();
        Thread thread = SupervisedThread.start("test-worker", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("always");
        }, Duration.ofMinutes(1), error -> { });

        await(() -> runs.get() == 1, Duration.ofSeconds(5), "the first run");
        thread.interrupt();
        thread.join(Duration.ofSeconds(5));
        assertThat(thread.isAlive()).isFalse();
    }
}
