package io.tollgate.model;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Registers every entity and Spring Data repository of the shared model. Services import it by
 * component-scanning {@code io.tollgate.model}. Declaring the scans switches off Spring Boot's default
 * scanning of the application's own package, so a service with entities or repositories of its own
 * must add its packages with its own {@code @EntityScan} and {@code @EnableJpaRepositories}.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan("io.tollgate.model")
@EnableJpaRepositories("io.tollgate.model")
public class ModelConfiguration {
}
