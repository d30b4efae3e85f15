package io.tollgate.billing.alerts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAttempts    deliveries tried per alert before a channel is marked FAILED
 * @param initialBackoff wait after the first failure; doubled after each further failure, up to maxBackoff
 * @param mailFrom       sender address of alert e-mails
 */
@ConfigurationProperties("tollgate.billing.alerts")
@Validated
public record AlertProperties(@DefaultValue("8") @Positive int maxAttempts,
                              @DefaultValue("30s") @DurationMin(millis = 1) Duration initialBackoff,
                              @DefaultValue("1h") @DurationMin(millis = 1) Duration maxBackoff,
                              @DefaultValue("100") @Positive int batchSize,
                              @DefaultValue("billing@tollgate.local") @NotBlank @Email String mailFrom) {

    Duration backoffAfter(int failedAttempts) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
