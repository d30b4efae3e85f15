package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

class AccessLogTest {

    @Test
    void switched_off_it_writes_nothing() {
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        var logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        logger.addAppender(lines);
        try {
            new AccessLog(false).log(context(), null);
            assertThat(lines.list).isEmpty();
            new AccessLog(true).log(context(), null);
            assertThat(lines.list).hasSize(1);
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static RequestContext context() {
        return new RequestContext(UUID.randomUUID(), "req_1", Instant.now(), System.nanoTime(), Endpoint.CHAT, null,
                new byte[0], ConfigSnapshot.empty(Instant.now()), null, new HttpHeaders());
    }
}
