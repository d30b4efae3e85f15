package io.tollgate.portal.admin.routing;

import io.tollgate.portal.common.Counts;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Display only: a deployment's live state in words and numbers for people. */
final class LiveFormat {

    private LiveFormat() {
    }

    /** "CLOSED", or "OPEN on 1 of 2 replicas" when they disagree, or "no report" when no replica is fresh. */
    static String breaker(List<String> worstFirst) {
        if (worstFirst.isEmpty()) {
            return "no report";
        }
        String worst = worstFirst.getFirst();
        long agreeing = worstFirst.stream().filter(worst::equals).count();
        String state = worst.replace('_', '-');
        return agreeing == worstFirst.size() ? state : state + " on " + agreeing + " of " + worstFirst.size() + " replicas";
    }

    /** "350 ms" below a second, "1.25 s" from it; a dash before the first success. */
    static String latency(@Nullable Double millis) {
        if (millis == null) {
            return "—";
        }
        if (millis < 1_000) {
            return String.format(Locale.ROOT, "%,.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%,.2f s", millis / 1_000);
    }

    /** "40% (2 of 5 calls)"; a dash without calls. */
    static String errorRate(long failed, long calls) {
        if (calls == 0) {
            return "—";
        }
        return percent(failed, calls) + " (" + Counts.format(failed) + " of " + Counts.format(calls)
                + (calls == 1 ? " call)" : " calls)");
    }

    /** "120 / 600 (20%)" against a capacity, the bare count without one. */
    static String quota(long used, @Nullable Number perMinute) {
        if (perMinute == null) {
            return Counts.format(used);
        }
        return Counts.format(used) + " / " + Counts.format(perMinute.longValue()) + " ("
                + percent(used, perMinute.longValue()) + ")";
    }

    /** Whole percent, but never 0% for some use nor 100% short of all of it. */
    static String percent(long part, long whole) {
        double share = 100.0 * part / whole;
        long rounded = Math.round(share);
        if (part > 0 && rounded == 0) {
            return "<1%";
        }
        if (part < whole && rounded >= 100) {
            return ">99%";
        }
        return rounded + "%";
    }
}
