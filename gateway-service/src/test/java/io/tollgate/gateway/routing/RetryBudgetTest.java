package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries are held to a share of a model's requests in a window, a few always allowed. */
class RetryBudgetTest {

    private static final long WINDOW = Duration.ofSeconds(10).toNanos();

    @Test
    void retries_beyond_the_share_of_requests_are_refused_until_the_next_window() {
        var budget = new RetryBudget(WINDOW, 0.2, 2);
        long now = 5 * WINDOW;
        for (int i = 0; i < 20; i++) {
            budget.requested(now);
        }

        for (int i = 0; i < 4; i++) {
            assertThat(budget.tryRetry(now)).as("retry %d of 20 percent of 20 requests", i + 1).isTrue();
        }
        assertThat(budget.tryRetry(now)).isFalse();
        assertThat(budget.tryRetry(now + WINDOW)).as("a new window").isTrue();
    }

    @Test
    void a_few_retries_are_allowed_whatever_the_traffic() {
        var budget = new RetryBudget(WINDOW, 0.2, 2);
        budget.requested(0);

        assertThat(budget.tryRetry(0)).isTrue();
        assertThat(budget.tryRetry(0)).isTrue();
        assertThat(budget.tryRetry(0)).isFalse();
    }
}
