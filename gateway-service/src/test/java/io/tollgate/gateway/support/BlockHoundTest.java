package io.tollgate.gateway.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

/** The gateway's tests run with BlockHound armed: a blocking call on a non-blocking thread fails loudly. */
class BlockHoundTest {

    @Test
    void blocking_on_a_non_blocking_thread_is_detected() {
        BlockHoundSupport.install();

        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> sleep())
                .block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void reading_a_file_on_a_non_blocking_thread_is_detected() {
        BlockHoundSupport.install();

        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1))
                .map(tick -> read())
                .block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    private static int read() {
        try (var in = new java.io.FileInputStream("/proc/self/stat")) {
            return in.read(new byte[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
