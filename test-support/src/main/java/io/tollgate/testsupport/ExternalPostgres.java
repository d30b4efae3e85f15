package io.tollgate.testsupport;

/** A server someone else runs, named by TEST_DATABASE_URL; databases are created beside the given one. */
record ExternalPostgres(String url, String username, String password) implements PostgresServer {

    @Override
    public TestDatabase adminDatabase() {
        return new TestDatabase(url, username, password);
    }

    @Override
    public String urlOf(String databaseName) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + databaseName + params;
    }

    @Override
    public void close() {
    }
}
