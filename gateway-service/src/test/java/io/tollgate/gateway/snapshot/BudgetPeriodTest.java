package io.tollgate.gateway.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.snapshot.BudgetEntry.Period;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Budget periods in UTC, named by their first day as budget_spend and the portal name them. */
class BudgetPeriodTest {

    @Test
    void periods_start_on_the_utc_day_the_monday_and_the_first_of_the_month() {
        Instant sundayNight = Instant.parse("2026-11-29T23:59:59.999Z");

        assertThat(Period.DAY.start(sundayNight)).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(Period.WEEK.start(sundayNight)).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(Period.MONTH.start(sundayNight)).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(Period.WEEK.start(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void the_next_period_begins_where_this_one_ends() {
        assertThat(Period.DAY.next(LocalDate.parse("2026-12-31"))).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(Period.WEEK.next(LocalDate.parse("2026-11-23"))).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(Period.MONTH.next(LocalDate.parse("2026-01-01"))).isEqualTo(LocalDate.parse("2026-02-01"));
    }
}
