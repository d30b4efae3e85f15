package io.tollgate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** Connection details of one PostgreSQL database that a test may use. */
public record TestDatabase(String jdbcUrl, String username, String password) {

    public DataSource dataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Applies every migration found on the classpath under {@code db/migration} (the db-migrations module). */
    public TestDatabase migrate() {
        Flyway.configure().dataSource(jdbcUrl, username, password).load().migrate();
        return this;
    }
}
