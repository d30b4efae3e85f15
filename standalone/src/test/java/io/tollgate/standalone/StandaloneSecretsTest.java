package io.tollgate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.crypto.MasterKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void secrets_are_generated_once_readable_only_by_the_owner_and_reused() throws Exception {
        Path file = dataDir.resolve("secrets.properties");

        StandaloneSecrets first = StandaloneSecrets.loadOrCreate(file);
        StandaloneSecrets second = StandaloneSecrets.loadOrCreate(file);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.apiKeySecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(MasterKeys.parse(first.masterKeys()).currentId()).isEqualTo("k1");
        assertThat(first.databasePassword()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(first.apiKeySecret());
        assertThat(first.toString()).doesNotContain(first.apiKeySecret()).doesNotContain(first.databasePassword());
    }

    @Test
    void a_file_from_before_the_database_password_keeps_its_secrets_and_gains_a_password() throws Exception {
        Path file = dataDir.resolve("secrets.properties");
        String masterKeys = MasterKeys.generate("k1").encoded();
        Files.writeString(file, "TOLLGATE_API_KEY_SECRET=an-old-api-key-secret-of-32-bytes-at-least\n"
                + "TOLLGATE_MASTER_KEYS=" + masterKeys + "\n");

        StandaloneSecrets upgraded = StandaloneSecrets.loadOrCreate(file);

        assertThat(upgraded.apiKeySecret()).isEqualTo("an-old-api-key-secret-of-32-bytes-at-least");
        assertThat(upgraded.masterKeys()).isEqualTo(masterKeys);
        assertThat(upgraded.databasePassword()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(StandaloneSecrets.loadOrCreate(file)).isEqualTo(upgraded);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
