package io.tollgate.standalone;

import io.tollgate.model.crypto.MasterKeys;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The server secrets of this installation, generated on the first run and kept in the data folder with
 * owner-only permissions. The API key secret and master keys must never change afterwards: API key hashes and
 * encrypted provider credentials in the database depend on them. The database password (of every role of the
 * embedded PostgreSQL) is added to a file from before it existed, and set on the server at each start.
 */
record StandaloneSecrets(String apiKeySecret, String masterKeys, String databasePassword) {

    static final String API_KEY_SECRET = "TOLLGATE_API_KEY_SECRET";
    static final String MASTER_KEYS = "TOLLGATE_MASTER_KEYS";
    static final String DATABASE_PASSWORD = "TOLLGATE_DB_PASSWORD";

    static StandaloneSecrets loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            StandaloneSecrets secrets = new StandaloneSecrets(RandomSecrets.serverSecret(),
                    MasterKeys.generate("k1").encoded(), RandomSecrets.serverSecret());
            secrets.save(file);
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }

    private static StandaloneSecrets load(Path file) throws IOException {
        Properties properties = read(file);
        String apiKeySecret = properties.getProperty(API_KEY_SECRET, "");
        String masterKeys = properties.getProperty(MASTER_KEYS, "");
        if (apiKeySecret.isBlank() || masterKeys.isBlank()) {
            throw new StartupException(file + " lacks " + API_KEY_SECRET + " or " + MASTER_KEYS
                    + "; restore it from a backup (the database depends on these secrets)");
        }
        String databasePassword = properties.getProperty(DATABASE_PASSWORD, "");
        if (databasePassword.isBlank()) {
            StandaloneSecrets upgraded = new StandaloneSecrets(apiKeySecret, masterKeys, RandomSecrets.serverSecret());
            upgraded.save(file);
            return upgraded;
        }
        return new StandaloneSecrets(apiKeySecret, masterKeys, databasePassword);
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private void save(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Properties properties = new Properties();
        properties.setProperty(API_KEY_SECRET, apiKeySecret);
        properties.setProperty(MASTER_KEYS, masterKeys);
        properties.setProperty(DATABASE_PASSWORD, databasePassword);
        try (Writer writer = Files.newBufferedWriter(partial)) {
            properties.store(writer, "Tollgate standalone secrets: keep private, back up with the data folder");
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return "StandaloneSecrets[<redacted>]";
    }
}
