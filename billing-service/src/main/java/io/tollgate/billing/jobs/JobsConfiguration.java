package io.tollgate.billing.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class JobsConfiguration {

    /** Creates a lock provider on any data source; a second billing instance is just a second data source. */
    static LockProvider lockProviderOn(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return lockProviderOn(dataSource);
    }

    @Bean
    JobRunner jobRunner(LockProvider lockProvider, Clock clock, JobsProperties properties, MeterRegistry meters) {
        return new JobRunner(lockProvider, clock, properties.lockAtMostFor(), meters);
    }
}
