package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void a_new_id_is_req_and_32_hex_digits_and_new_each_time() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(RequestIds.resolve(null));
        }

        assertThat(ids).hasSize(1_000).allMatch(id -> id.matches("req_[0-9a-f]{32}"));
    }

    @Test
    void a_sensible_client_id_is_kept_and_anything_else_replaced() {
        assertThat(RequestIds.resolve("trace-42:a.b_c")).isEqualTo("trace-42:a.b_c");
        assertThat(RequestIds.resolve("two words")).matches("req_[0-9a-f]{32}");
        assertThat(RequestIds.resolve("x".repeat(129))).matches("req_[0-9a-f]{32}");
    }
}
