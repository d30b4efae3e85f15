package io.tollgate.portal.members;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How long an invitation's link works after it is sent or resent (TOLLGATE_INVITATION_VALIDITY). */
@ConfigurationProperties("tollgate.invitations")
@Validated
record InvitationProperties(@DefaultValue("7d") @DurationMin(minutes = 1) Duration validity) {

    /** The validity in words for people, e.g. "7 days" or "36 hours". */
    String validityInWords() {
        if (validity.toHoursPart() == 0 && validity.toMinutesPart() == 0 && validity.toDays() > 0) {
            return plural(validity.toDays(), "day");
        }
        if (validity.toMinutesPart() == 0) {
            return plural(validity.toHours(), "hour");
        }
        return plural(validity.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
