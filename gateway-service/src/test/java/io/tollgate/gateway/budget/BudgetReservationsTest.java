package io.tollgate.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.budget.BudgetReservations.Admission;
import io.tollgate.gateway.budget.BudgetReservations.Gate;
import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Near a BLOCK budget's limit, requests go one at a time unless their cost bounds fit in what is left. */
class BudgetReservationsTest {

    private static final BudgetEntry BUDGET = new BudgetEntry(UUID.randomUUID(), UUID.randomUUID(), null, null, null,
            BudgetEntry.Period.MONTH, new BigDecimal("10"), BudgetEntry.Action.BLOCK, null);
    private static final SpendKey KEY = SpendKey.of(BUDGET, Instant.parse("2026-11-23T10:00:00Z"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final BudgetReservations reservations = new BudgetReservations(
            new BudgetProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(15)), clock);
    private BigDecimal spent = BigDecimal.ZERO;

    @Test
    void a_lone_request_may_start_even_when_its_bound_exceeds_what_is_left() {
        assertThat(admit("0.5", "2").full()).isEmpty();
    }

    @Test
    void requests_whose_bounds_fit_together_run_together_and_the_next_waits() {
        assertThat(admit("3", "1").full()).isEmpty();
        assertThat(admit("3", "1").full()).isEmpty();
        assertThat(admit("3", "1").full()).isEmpty();

        assertThat(admit("3", "1").full()).contains(BUDGET);
    }

    @Test
    void a_finished_request_makes_room() {
        var first = admit("1", "1");
        assertThat(admit("1", "1").full()).contains(BUDGET);

        first.release().run();

        assertThat(admit("1", "1").full()).isEmpty();
    }

    @Test
    void a_reservation_older_than_its_lifetime_no_longer_counts() {
        admit("1", "1");

        clock.advance(Duration.ofMinutes(15));
        assertThat(admit("1", "1").full()).contains(BUDGET);

        clock.advance(Duration.ofMillis(1));
        assertThat(admit("1", "1").full()).isEmpty();
    }

    @Test
    void a_budget_spent_by_the_requests_that_just_finished_has_no_room_even_with_none_in_flight() {
        var last = admit("3", "1");
        spent = new BigDecimal("10"); // the finished request's cost is counted before its reservation ends
        last.release().run();

        assertThat(admit("1").full()).contains(BUDGET);
    }

    private Admission admit(String remaining, String bound) {
        spent = BUDGET.amountUsd().subtract(new BigDecimal(remaining));
        return admit(bound);
    }

    private Admission admit(String bound) {
        return reservations.admit(List.of(new Gate(BUDGET, KEY)), new BigDecimal(bound), key -> {
            assertThat(key).isEqualTo(KEY);
            return spent;
        });
    }
}
