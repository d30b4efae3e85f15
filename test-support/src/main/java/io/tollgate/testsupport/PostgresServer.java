package io.tollgate.testsupport;

/** A running PostgreSQL server that tests can create databases on. */
interface PostgresServer extends AutoCloseable {

    /** A database the test user may create other databases from. */
    TestDatabase adminDatabase();

    String urlOf(String databaseName);

    @Override
    void close();
}
