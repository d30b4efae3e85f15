package io.tollgate.model;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application around the shared model, so its tests start JPA against the migrated schema. */
@SpringBootApplication
public class ModelTestApplication {
}
