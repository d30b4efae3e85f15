package io.tollgate.gateway.budget;

import io.tollgate.gateway.snapshot.BudgetEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Holds a BLOCK budget to at most one request's overshoot on this replica. A request may start on a budget that is
 * not spent yet when no other request on it is in flight here (it may overshoot by its own cost), or when the cost
 * bounds of the requests in flight and its own all fit in what is left; otherwise it has to wait for them. What is
 * left is read under the same lock that ends reservations: a request adds its cost to the spend before it gives
 * its reservation back, so a request admitted alone always sees the cost of those that went before it.
 * Far from the limit the bounds always fit, so this only serializes the last requests before a budget runs out.
 * A reservation ends when its request completes; one older than the reservation lifetime no longer counts, so a
 * request whose end was never signalled cannot hold a budget forever (its age is read from the injected clock, so
 * a test can move past the lifetime). The critical section is a few list operations, never I/O.
 */
@Component
class BudgetReservations {

    /** A budget the request would run on, in the period of the request. */
    record Gate(BudgetEntry budget, SpendKey key) {
    }

    /** @param full the budget that has no room now; {@code release} ends the reservation (a no-op when refused) */
    record Admission(Optional<BudgetEntry> full, Runnable release) {
    }

    private static final class Reservation {
        final BigDecimal bound;
        final long admittedMillis;

        Reservation(BigDecimal bound, long admittedMillis) {
            this.bound = bound;
            this.admittedMillis = admittedMillis;
        }
    }

    private final Map<SpendKey, List<Reservation>> inFlight = new HashMap<>();
    private final long lifetimeMillis;
    private final Clock clock;

    BudgetReservations(BudgetProperties properties, Clock clock) {
        this.lifetimeMillis = properties.reservationLifetime().toMillis();
        this.clock = clock;
    }

    /**
     * Reserves the request's bound on every gate, or names the budget that has no room for it now (one spent since
     * the caller looked included).
     *
     * @param spent each gate's spend in its period as it stands
     */
    synchronized Admission admit(List<Gate> gates, BigDecimal bound, Function<SpendKey, BigDecimal> spent) {
        long now = clock.millis();
        for (Gate gate : gates) {
            BigDecimal remaining = gate.budget().amountUsd().subtract(spent.apply(gate.key()));
            if (remaining.signum() <= 0) {
                return new Admission(Optional.of(gate.budget()), () -> { });
            }
            List<Reservation> current = inFlight.get(gate.key());
            if (current != null) {
                current.removeIf(r -> now - r.admittedMillis > lifetimeMillis);
                BigDecimal reserved = current.stream().map(r -> r.bound).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (!current.isEmpty() && reserved.add(bound).compareTo(remaining) > 0) {
                    return new Admission(Optional.of(gate.budget()), () -> { });
                }
            }
        }
        var reservation = new Reservation(bound, now);
        gates.forEach(gate -> inFlight.computeIfAbsent(gate.key(), key -> new ArrayList<>(2)).add(reservation));
        return new Admission(Optional.empty(), () -> release(gates, reservation));
    }

    private synchronized void release(List<Gate> gates, Reservation reservation) {
        for (Gate gate : gates) {
            inFlight.computeIfPresent(gate.key(), (key, current) -> {
                current.remove(reservation);
                return current.isEmpty() ? null : current;
            });
        }
    }
}
