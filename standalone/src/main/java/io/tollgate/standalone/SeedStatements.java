package io.tollgate.standalone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The few JDBC calls the seed makes, on one connection (one transaction). */
final class SeedStatements {

    private final Connection connection;

    SeedStatements(Connection connection) {
        this.connection = connection;
    }

    Optional<UUID> findId(String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(query, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    /** Inserts a row with a new id unless {@code existing} finds one; returns the id either way. */
    UUID ensure(Optional<UUID> existing, String insert, Object... parametersAfterId) throws SQLException {
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        Object[] parameters = new Object[parametersAfterId.length + 1];
        parameters[0] = id;
        System.arraycopy(parametersAfterId, 0, parameters, 1, parametersAfterId.length);
        update(insert, parameters);
        return id;
    }

    int update(String statementText, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(statementText, parameters)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String text, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
