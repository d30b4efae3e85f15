package io.tollgate.gateway.limits;

import io.netty.util.AsciiString;
import io.tollgate.model.plan.PlanLimits;
import java.time.Duration;
import java.util.OptionalLong;

/** A rate limit of a plan, a subscription or a tenant ceiling; the name is the one callers read in errors. */
enum LimitKind {
    REQUESTS_PER_MINUTE("requests_per_minute", Group.REQUESTS, Duration.ofMinutes(1)),
    REQUESTS_PER_HOUR("requests_per_hour", Group.REQUESTS, Duration.ofHours(1)),
    TOKENS_PER_MINUTE("tokens_per_minute", Group.TOKENS, Duration.ofMinutes(1)),
    TOKENS_PER_DAY("tokens_per_day", Group.TOKENS, Duration.ofDays(1));

    /** What a limit counts, as OpenAI's headers name it. */
    enum Group {
        REQUESTS("requests"), TOKENS("tokens");

        private final String header;
        private final AsciiString limitHeader;
        private final AsciiString remainingHeader;
        private final AsciiString resetHeader;

        Group(String header) {
            this.header = header;
            this.limitHeader = AsciiString.cached("x-ratelimit-limit-" + header);
            this.remainingHeader = AsciiString.cached("x-ratelimit-remaining-" + header);
            this.resetHeader = AsciiString.cached("x-ratelimit-reset-" + header);
        }

        String header() {
            return header;
        }

        AsciiString limitHeader() {
            return limitHeader;
        }

        AsciiString remainingHeader() {
            return remainingHeader;
        }

        AsciiString resetHeader() {
            return resetHeader;
        }
    }

    private final String limitName;
    private final Group group;
    private final Duration period;

    LimitKind(String limitName, Group group, Duration period) {
        this.limitName = limitName;
        this.group = group;
        this.period = period;
    }

    String limitName() {
        return limitName;
    }

    Group group() {
        return group;
    }

    Duration period() {
        return period;
    }

    OptionalLong of(PlanLimits limits) {
        return switch (this) {
            case REQUESTS_PER_MINUTE -> limits.requestsPerMinute();
            case REQUESTS_PER_HOUR -> limits.requestsPerHour();
            case TOKENS_PER_MINUTE -> limits.tokensPerMinute();
            case TOKENS_PER_DAY -> limits.tokensPerDay();
        };
    }
}
