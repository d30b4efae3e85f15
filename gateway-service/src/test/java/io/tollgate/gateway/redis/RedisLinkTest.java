package io.tollgate.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.codec.StringCodec;
import io.tollgate.gateway.support.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links to a real redis-server: connected at once, connected later when Redis comes up later, each with its timeout. */
class RedisLinkTest {

    private static final String BUSY_FOR_A_SECOND = """
            local started = redis.call('TIME')
            while true do
              local now = redis.call('TIME')
              if (now[1] - started[1]) * 1000000 + (now[2] - started[2]) > 1000000 then return 1 end
            end""";

    private final RedisConnections connections = new RedisConnections();
    private RedisServer redis;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        connections.close();
        redis.close();
    }

    @Test
    void a_link_opened_while_redis_answers_is_connected_at_once() {
        try (var link = connections.open("a test", redis.url(), Duration.ofSeconds(2), StringCodec.UTF8)) {
            var connection = link.connection();

            assertThat(connection).isNotNull();
            connection.sync().set("tollgate:test", "kept");
            assertThat(connection.sync().get("tollgate:test")).isEqualTo("kept");
        }
    }

    @Test
    void a_link_opened_while_redis_is_down_has_no_connection_and_connects_once_redis_is_up() {
        redis.stop();
        try (var link = connections.open("a test", redis.url(), Duration.ofSeconds(2), StringCodec.UTF8)) {
            assertThat(link.connection()).isNull();

            redis.restart();

            await().atMost(Duration.ofSeconds(10)).until(() -> link.connection() != null);
            assertThat(link.connection().sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void links_on_one_client_keep_their_own_command_timeouts() {
        try (var patient = connections.open("a patient test", redis.url(), Duration.ofSeconds(5), StringCodec.UTF8);
             var quick = connections.open("a quick test", redis.url(), Duration.ofMillis(200), StringCodec.UTF8)) {
            // a command that keeps Redis busy for a second: the patient link waits it out, the quick one gives up
            assertThat(patient.connection().sync().<Long>eval(BUSY_FOR_A_SECOND, ScriptOutputType.INTEGER)).isEqualTo(1L);

            assertThatThrownBy(() -> quick.connection().sync().eval(BUSY_FOR_A_SECOND, ScriptOutputType.INTEGER))
                    .isInstanceOf(RedisCommandTimeoutException.class);
        }
    }
}
