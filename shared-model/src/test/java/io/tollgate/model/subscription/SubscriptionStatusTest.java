package io.tollgate.model.subscription;

import static io.tollgate.model.subscription.SubscriptionStatus.APPROVED;
import static io.tollgate.model.subscription.SubscriptionStatus.PENDING;
import static io.tollgate.model.subscription.SubscriptionStatus.REJECTED;
import static io.tollgate.model.subscription.SubscriptionStatus.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionStatusTest {

    private static final Set<String> LEGAL = Set.of("PENDING>APPROVED", "PENDING>REJECTED", "APPROVED>REVOKED");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PENDING, APPROVED", "PENDING, REJECTED", "APPROVED, REVOKED"})
    void every_legal_move_works(SubscriptionStatus from, SubscriptionStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isEqualTo(to);
    }

    @Test
    void every_other_move_is_refused_naming_both_statuses_and_the_allowed_moves() {
        int refused = 0;
        for (SubscriptionStatus from : SubscriptionStatus.values()) {
            for (SubscriptionStatus to : SubscriptionStatus.values()) {
                if (LEGAL.contains(from + ">" + to)) {
                    continue;
                }
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isFalse();
                assertThatThrownBy(() -> from.moveTo(to))
                        .isInstanceOf(IllegalSubscriptionTransitionException.class)
                        .hasMessageStartingWith("A " + from + " subscription cannot become " + to + "; allowed: ")
                        .satisfies(e -> {
                            var transition = (IllegalSubscriptionTransitionException) e;
                            assertThat(transition.from()).isEqualTo(from);
                            assertThat(transition.to()).isEqualTo(to);
                        });
                refused++;
            }
        }
        assertThat(refused).isEqualTo(16 - LEGAL.size());
    }

    @Test
    void messages_list_what_is_allowed() {
        assertThatThrownBy(() -> REJECTED.moveTo(APPROVED))
                .hasMessage("A REJECTED subscription cannot become APPROVED; allowed: none");
        assertThatThrownBy(() -> PENDING.moveTo(REVOKED))
                .hasMessage("A PENDING subscription cannot become REVOKED; allowed: APPROVED, REJECTED");
        assertThatThrownBy(() -> APPROVED.moveTo(APPROVED))
                .hasMessage("A APPROVED subscription cannot become APPROVED; allowed: REVOKED");
    }

    @Test
    void pending_and_approved_are_live_and_only_approved_grants_access() {
        assertThat(PENDING.isLive()).isTrue();
        assertThat(APPROVED.isLive()).isTrue();
        assertThat(REJECTED.isLive()).isFalse();
        assertThat(REVOKED.isLive()).isFalse();
        assertThat(Set.of(SubscriptionStatus.values())).filteredOn(SubscriptionStatus::grantsAccess)
                .containsExactly(APPROVED);
    }
}
