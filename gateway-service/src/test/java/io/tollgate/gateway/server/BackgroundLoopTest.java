package io.tollgate.gateway.server;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    /** Counts its rounds, sleeping a minute between them: only a stop's interrupt ends the sleep early. */
    private static final class CountingLoop extends BackgroundLoop {
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicReference<Thread> thread = new AtomicReference<>();

        CountingLoop() {
            super("test-loop");
        }

        @Override
        protected void run() {
            thread.set(Thread.currentThread());
            while (isRunning()) {
                rounds.incrementAndGet();
                try {
                    Thread.sleep(Duration.ofMinutes(1));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Test
    void runs_on_a_named_thread_from_start_and_ends_promptly_on_stop() throws Exception {
        var loop = new CountingLoop();
        assertThat(loop.isRunning()).isFalse();

        loop.start();
        await(() -> loop.rounds.get() == 1, Duration.ofSeconds(5), "the first round");
        assertThat(loop.isRunning()).isTrue();
        assertThat(loop.thread.get().getName()).isEqualTo("test-loop");

        loop.stop();
        loop.awaitEnd(Duration.ofSeconds(5));
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.thread.get().isAlive()).isFalse();
        assertThat(loop.rounds.get()).isEqualTo(1);
    }

    @Test
    void a_stop_before_any_start_does_nothing() {
        var loop = new CountingLoop();
        loop.stop();
        assertThat(loop.isRunning()).isFalse();
    }
}
