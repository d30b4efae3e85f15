package io.tollgate.billing.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAttempts    deliveries tried per alert before a channel is marked FAILED
 * @param initialBackoff wait after the first failure; doubled after each further failure, up to maxBackoff
 * @param mailFrom       sender address of alert e-mails
 */
@ConfigurationProperties("tollgate.billing.alerts")
public record AlertProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
                              @DefaultValue("1h") Duration maxBackoff,
                              @DefaultValue("100") int batchSize,
                              @DefaultValue("billing@tollgate.local") String mailFrom) {

    Duration backoffAfter(int failedAttempts) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
