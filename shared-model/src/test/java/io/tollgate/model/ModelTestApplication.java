package io.tollgate.model;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest application around the shared model, so its tests start JPA against the migrated schema. */
@SpringBootApplication
public class ModelTestApplication {

    /** The services each declare their clock; the webhook sender needs one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
