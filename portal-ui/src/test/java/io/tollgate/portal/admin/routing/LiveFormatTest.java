package io.tollgate.portal.admin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The live routing view's numbers and words, as people read them. */
class LiveFormatTest {

    @Test
    void a_breaker_shows_the_worst_state_and_how_many_replicas_hold_it_when_they_disagree() {
        assertThat(LiveFormat.breaker(List.of())).isEqualTo("no report");
        assertThat(LiveFormat.breaker(List.of("CLOSED", "CLOSED"))).isEqualTo("CLOSED");
        assertThat(LiveFormat.breaker(List.of("OPEN", "CLOSED"))).isEqualTo("OPEN on 1 of 2 replicas");
        assertThat(LiveFormat.breaker(List.of("HALF_OPEN", "HALF_OPEN", "CLOSED"))).isEqualTo("HALF-OPEN on 2 of 3 replicas");
    }

    @Test
    void latency_reads_in_milliseconds_below_a_second_and_in_seconds_from_it() {
        assertThat(LiveFormat.latency(null)).isEqualTo("—");
        assertThat(LiveFormat.latency(0.4)).isEqualTo("0 ms");
        assertThat(LiveFormat.latency(349.6)).isEqualTo("350 ms");
        assertThat(LiveFormat.latency(1_234.5)).isEqualTo("1.23 s");
        assertThat(LiveFormat.latency(61_000.0)).isEqualTo("61.00 s");
    }

    @Test
    void error_rate_and_quota_say_their_counts_and_never_round_to_none_or_all() {
        assertThat(LiveFormat.errorRate(0, 0)).isEqualTo("—");
        assertThat(LiveFormat.errorRate(1, 1)).isEqualTo("100% (1 of 1 call)");
        assertThat(LiveFormat.errorRate(6, 14)).isEqualTo("43% (6 of 14 calls)");
        assertThat(LiveFormat.quota(1_200, null)).isEqualTo("1,200");
        assertThat(LiveFormat.quota(120, 600)).isEqualTo("120 / 600 (20%)");
        assertThat(LiveFormat.quota(1, 150_000L)).isEqualTo("1 / 150,000 (<1%)");
        assertThat(LiveFormat.quota(999, 1_000)).isEqualTo("999 / 1,000 (>99%)");
        assertThat(LiveFormat.quota(1_500, 1_000)).as("over the capacity, as a provider's own count may be")
                .isEqualTo("1,500 / 1,000 (150%)");
    }
}
