package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class UsageSpoolUpgradeTest {

    @TempDir
    Path directory;

    @Test
    void an_event_spooled_before_cache_writes_were_metered_is_read_with_none() throws Exception {
        var event = new UsageEvent(UUID.randomUUID(), Instant.parse("2026-12-03T10:00:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", "m", "m", null, null, "m", null, 10, 5, 2, 0, false,
                new BigDecimal("0.000001"), 4, null, 200, null, false, "");
        String before = JsonMapper.builder().build().writeValueAsString(event).replace(",\"cacheWriteTokens\":0", "");
        assertThat(before).doesNotContain("cacheWriteTokens");

        try (var spool = UsageSpool.open(directory)) {
            Files.writeString(directory.resolve("usage-events.spool"), before + "\n");

            assertThat(spool.read()).containsExactly(event);
        }
    }
}
