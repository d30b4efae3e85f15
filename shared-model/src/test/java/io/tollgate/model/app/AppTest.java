package io.tollgate.model.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Test
    void nondeterministic_requests_are_cached_only_while_the_cache_is_on() {
        App app = new App("bot", "", NOW);

        app.changeCache(false, true, NOW);
        assertThat(app.isCacheNondeterministic()).isFalse();

        app.changeCache(true, true, NOW.plusSeconds(1));
        assertThat(app.isCacheEnabled()).isTrue();
        assertThat(app.isCacheNondeterministic()).isTrue();
        assertThat(app.getUpdatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void an_archived_app_is_neither_archived_again_nor_cached() {
        App app = new App("bot", "", NOW);
        app.archive(NOW);

        assertThat(app.isActive()).isFalse();
        assertThat(app.getStatus()).isEqualTo(AppStatus.ARCHIVED);
        assertThatThrownBy(() -> app.archive(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> app.changeCache(true, false, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void times_are_kept_as_postgresql_stores_them_in_microseconds() {
        App app = new App("bot", "", Instant.parse("2026-12-04T17:00:00.123456789Z"));

        assertThat(app.getCreatedAt()).isEqualTo(Instant.parse("2026-12-04T17:00:00.123456Z"));
        assertThat(app.getUpdatedAt()).isEqualTo(app.getCreatedAt());
    }
}
