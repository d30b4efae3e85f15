package io.tollgate.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The embedded PostgreSQL of a standalone installation: its data stays in the data folder across restarts,
 * its binaries are PostgreSQL 18 from Maven Central. It listens on loopback only, and every connection, local
 * socket or TCP, authenticates with SCRAM-SHA-256 against the generated password (the library's initdb would
 * trust every local connection: the superuser had no password). The binaries and the socket directory are the
 * owner's alone (0700), like the data directory, which PostgreSQL insists on itself.
 */
final class LocalDatabase implements AutoCloseable {

    static final String DATABASE = "tollgate";
    static final String USER = "postgres";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** A Unix socket path holds at most 107 bytes; the socket's own name takes 15 of them. */
    private static final int MAX_SOCKET_DIRECTORY_LENGTH = 90;
    private static final String HBA = """
            # Written by the Tollgate launcher at every start: password (SCRAM-SHA-256) for everyone, loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path pgData;

    private LocalDatabase(EmbeddedPostgres postgres, Path pgData) {
        this.postgres = postgres;
        this.pgData = pgData;
    }

    static LocalDatabase start(Path dataDir, Path logFile, String password) {
        Path pgData = dataDir.resolve("postgres");
        Postmaster.stopIfRunning(pgData);
        Path passwordFile = dataDir.resolve("postgres-initdb-password");
        try {
            Files.createDirectories(pgData);
            Path binaries = ownerOnlyDirectory(dataDir.resolve("postgres-binaries"));
            // the library makes its working directory writable for everyone; inside ours, nobody else reaches it
            Path extracted = Files.createDirectories(binaries.resolve("embedded"));
            Path sockets = ownerOnlyDirectory(dataDir.resolve("postgres-socket"));
            writeOwnerOnly(passwordFile, password);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // initdb's options after the library's "-A trust", so they win: a new cluster never trusts
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("unix_socket_directories", socketDirectory(sockets))
                    .setServerConfig("unix_socket_permissions", "0700")
                    // the library's defaults suit throwaway test databases; this one keeps usage and invoices
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setOverrideWorkingDirectory(extracted.toFile())
                    // the launcher stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalDatabase database = new LocalDatabase(postgres, pgData);
            ownerOnlyTree(binaries);
            database.requirePasswords(password);
            database.createApplicationDatabase();
            return database;
        } catch (IOException e) {
            throw new StartupException("PostgreSQL did not start, see " + logFile, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    void migrate() {
        Flyway.configure()
                .dataSource(dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Override
    public void close() {
        var server = Postmaster.running(pgData);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pg_ctl returns once the pid file is gone, a moment before the server process ends
        server.ifPresent(process -> Postmaster.awaitExit(process, Duration.ofSeconds(10)));
    }

    /**
     * Sets the password on every role that can log in and makes pg_hba.conf ask for it. A cluster initialised by
     * an older launcher trusted local connections; this start still got in without a password, and closes that.
     */
    private void requirePasswords(String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            List<String> roles = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select rolname from pg_roles where rolcanlogin")) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
            for (String role : roles) {
                statement.execute("alter role " + quoteIdentifier(role) + " password " + quoteLiteral(password));
            }
            Path hba = pgData.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                writeOwnerOnly(hba, HBA);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new StartupException("could not require passwords on the embedded PostgreSQL", e);
        }
    }

    private static Path ownerOnlyDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (isPosix(directory)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        }
        return directory;
    }

    /** Directories 0700, and no file writable by group or others. */
    private static void ownerOnlyTree(Path root) throws IOException {
        if (!isPosix(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (Files.isDirectory(path)) {
                    permissions = OWNER_ONLY;
                } else {
                    permissions.removeAll(Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (isPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A data folder too deep for a Unix socket path gets no socket: the services connect over TCP anyway. */
    private static String socketDirectory(Path sockets) {
        String path = sockets.toAbsolutePath().toString();
        return path.length() <= MAX_SOCKET_DIRECTORY_LENGTH ? path : "";
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quoteLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new StartupException("could not create the database '" + DATABASE + "'", e);
        }
    }
}
