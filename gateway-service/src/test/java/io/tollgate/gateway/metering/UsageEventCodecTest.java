package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageEventCodecTest {

    private static final UsageEvent EVENT = new UsageEvent(UUID.randomUUID(), Instant.parse("2026-12-03T10:00:00Z"),
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "CHAT", "m", "m", null, null, "m", null,
            188107, 393, 0, 0, false, new BigDecimal("0.7112805"), 4, null, 200, null, false, "", 1, 188086);

    @Test
    void cache_write_tokens_survive_the_journal() {
        byte[] record = UsageEventCodec.encode(EVENT);

        assertThat(UsageEventCodec.decode(ByteBuffer.wrap(record, UsageEventCodec.HEADER_BYTES,
                record.length - UsageEventCodec.HEADER_BYTES))).isEqualTo(EVENT);
    }

    @Test
    void a_record_journaled_before_cache_writes_were_metered_reads_with_none() {
        byte[] record = UsageEventCodec.encode(EVENT);
        byte[] versionOne = Arrays.copyOfRange(record, UsageEventCodec.HEADER_BYTES, record.length - 4);
        versionOne[0] = 1;

        var decoded = UsageEventCodec.decode(ByteBuffer.wrap(versionOne));

        assertThat(decoded.cacheWriteTokens()).isZero();
        assertThat(decoded.promptTokens()).isEqualTo(188107);
        assertThat(decoded.attempts()).isEqualTo(1);
    }
}
