package io.tollgate.gateway.budget;

import io.tollgate.gateway.snapshot.BudgetEntry;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Holds a BLOCK budget to at most one request's overshoot on this replica. A request may start on a budget that is
 * not spent yet when no other request on it is in flight here (it may overshoot by its own cost), or when the cost
 * bounds of the requests in flight and its own all fit in what is left; otherwise it has to wait for them.
 * Far from the limit the bounds always fit, so this only serializes the last requests before a budget runs out.
 * The critical section is a few map operations, never I/O.
 */
@Component
class BudgetReservations {

    /** A budget the request would run on, and how much is left of it. */
    record Gate(BudgetEntry budget, SpendKey key, BigDecimal remaining) {
    }

    private record InFlight(int requests, BigDecimal bounds) {
    }

    private final Map<SpendKey, InFlight> inFlight = new HashMap<>();

    /** Reserves the request's bound on every gate, or names the budget that has no room for it now. */
    synchronized Admission admit(List<Gate> gates, BigDecimal bound) {
        for (Gate gate : gates) {
            InFlight current = inFlight.get(gate.key());
            if (current != null && current.bounds().add(bound).compareTo(gate.remaining()) > 0) {
                return new Admission(Optional.of(gate.budget()), () -> { });
            }
        }
        gates.forEach(gate -> inFlight.merge(gate.key(), new InFlight(1, bound),
                (a, b) -> new InFlight(a.requests() + 1, a.bounds().add(bound))));
        return new Admission(Optional.empty(), () -> release(gates, bound));
    }

    private synchronized void release(List<Gate> gates, BigDecimal bound) {
        gates.forEach(gate -> inFlight.computeIfPresent(gate.key(), (key, current) -> current.requests() == 1 ? null
                : new InFlight(current.requests() - 1, current.bounds().subtract(bound))));
    }

    /** @param full the budget that has no room now; {@code release} ends the reservation (a no-op when refused) */
    record Admission(Optional<BudgetEntry> full, Runnable release) {
    }
}
