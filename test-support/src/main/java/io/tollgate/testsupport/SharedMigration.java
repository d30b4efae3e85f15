package io.tollgate.testsupport;

/** Migrates the shared test database once per JVM, so plain JDBC tests and Spring tests see the same schema. */
final class SharedMigration {

    private static volatile boolean done;

    private SharedMigration() {
    }

    static synchronized TestDatabase ensure(TestDatabase shared) {
        if (!done) {
            shared.migrate();
            done = true;
        }
        return shared;
    }
}
