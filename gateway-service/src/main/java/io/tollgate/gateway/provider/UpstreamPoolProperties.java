package io.tollgate.gateway.provider;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The keep-alive connection pool to providers. */
@ConfigurationProperties("tollgate.gateway.upstream")
@Validated
public record UpstreamPoolProperties(@DefaultValue("1000") @Positive int maxConnections,
                                     @DefaultValue("10000") @Positive int maxPendingAcquires,
                                     @DefaultValue("30s") @DurationMin(millis = 1) Duration maxIdleTime) {
}
