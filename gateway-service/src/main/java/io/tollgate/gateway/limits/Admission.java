package io.tollgate.gateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The answers of every bucket a request drew from; it is admitted when none refused and the store answered. */
record Admission(List<Draw> draws) {

    Optional<Draw> refusedBy() {
        for (Draw draw : draws) {
            if (draw.rejected()) {
                return Optional.of(draw);
            }
        }
        return Optional.empty();
    }

    boolean storeFailed() {
        for (Draw draw : draws) {
            if (draw.unanswered()) {
                return true;
            }
        }
        return false;
    }

    List<Draw> consumed() {
        var consumed = new ArrayList<Draw>(draws.size());
        for (Draw draw : draws) {
            if (draw.consumed()) {
                consumed.add(draw);
            }
        }
        return consumed;
    }
}
