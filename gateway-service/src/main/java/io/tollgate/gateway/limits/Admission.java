package io.tollgate.gateway.limits;

import java.util.List;
import java.util.Optional;

/** The answers of every bucket a request drew from; it is admitted when none refused and the store answered. */
record Admission(List<Draw> draws) {

    Optional<Draw> refusedBy() {
        return draws.stream().filter(Draw::rejected).findFirst();
    }

    boolean storeFailed() {
        return draws.stream().anyMatch(Draw::unanswered);
    }

    List<Draw> consumed() {
        return draws.stream().filter(Draw::consumed).toList();
    }
}
