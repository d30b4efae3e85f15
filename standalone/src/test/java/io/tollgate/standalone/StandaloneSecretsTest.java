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
        assertThat(first.toString()).doesNotContain(first.apiKeySecret());
    }
}
