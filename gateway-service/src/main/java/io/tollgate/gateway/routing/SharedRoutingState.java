package io.tollgate.gateway.routing;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.redis.RedisConnections;
import io.tollgate.gateway.redis.RedisLink;
import io.tollgate.gateway.server.BackgroundLoop;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Routing state the replicas share through Redis, when {@code TOLLGATE_REDIS_URL} is set: until when each deployment
 * is out of the rotation (a hash of epoch milliseconds, written when a breaker opens or a health check fails here,
 * deleted when a check passes or the breaker closes) and what each capped deployment used of its provider capacity
 * (counters per wall-clock minute). A thread of its own syncs every {@code sharedSyncInterval}: nothing on the request
 * path waits for Redis, and a replica runs ahead of the others by at most one interval. While Redis does not answer,
 * requests go on with what each replica knows alone (counted in {@code tollgate_gateway_routing_store_failures_total},
 * a warning per minute).
 */
@Component
@ConditionalOnExpression("'${tollgate.gateway.routing.redis-url:}' != ''")
class SharedRoutingState extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(SharedRoutingState.class);
    static final String OUT_UNTIL = "tollgate:routing:out-until";
    private static final String USE = "tollgate:routing:use:";
    /** Adds this replica's use to the current minute and answers both kinds' current and previous minute. */
    private static final String ADD_USE = """
            local requests = redis.call('INCRBY', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], 180)
            local tokens = redis.call('INCRBY', KEYS[3], ARGV[2])
            redis.call('EXPIRE', KEYS[3], 180)
            return {requests, tonumber(redis.call('GET', KEYS[2]) or '0'), tokens, tonumber(redis.call('GET', KEYS[4]) or '0')}""";
    private static final long WARNING_INTERVAL_MILLIS = 60_000;

    private final DeploymentStates states;
    private final SnapshotHolder snapshots;
    private final RoutingProperties properties;
    private final Clock clock;
    private final Counter failures;
    private final RedisConnections redis;
    private final Map<UUID, Long> published = new HashMap<>();
    private volatile @Nullable RedisLink<String> link;
    private long nextWarningAt = Long.MIN_VALUE;

    SharedRoutingState(DeploymentStates states, SnapshotHolder snapshots, RoutingProperties properties, Clock clock,
                       RedisConnections redis, MeterRegistry registry) {
        super("tollgate-routing-redis");
        this.states = states;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
        this.failures = Counter.builder("tollgate.gateway.routing.store.failures")
                .description("Syncs of shared routing state that could not reach Redis").register(registry);
        this.redis = redis;
    }

    @Override
    public void stop() {
        super.stop();
        var open = link;
        if (open != null) {
            open.close();
        }
    }

    @Override
    protected void run() {
        link = redis.open("breaker states and provider capacity use", properties.redisUrl(), properties.redisTimeout(),
                StringCodec.UTF8);
        while (isRunning()) {
            try {
                syncOnce(commands());
            } catch (RuntimeException e) {
                if (isRunning()) {
                    failed(e);
                }
            }
            try {
                Thread.sleep(properties.sharedSyncInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private RedisCommands<String, String> commands() {
        var open = link;
        var connection = open == null ? null : open.connection();
        if (connection == null) {
            throw new IllegalStateException("not connected to Redis");
        }
        return connection.sync();
    }

    private void syncOnce(RedisCommands<String, String> redis) {
        long now = clock.millis();
        publishOutOfRotation(redis, now);
        readOutOfRotation(redis, now);
        snapshots.current().ifPresent(snapshot -> shareUse(redis, snapshot, now));
    }

    /** This replica's openings and health check failures; a passing check or a closing breaker deletes its entry. */
    private void publishOutOfRotation(RedisCommands<String, String> redis, long now) {
        Map<UUID, Long> wanted = new HashMap<>();
        states.forEach((id, health) -> wanted.put(id, health.localOutUntil()));
        wanted.forEach((id, until) -> {
            long last = published.getOrDefault(id, 0L);
            if (until > now && until != last) {
                redis.hset(OUT_UNTIL, id.toString(), Long.toString(until));
                published.put(id, until);
            } else if (until == 0 && last > now) {
                redis.hdel(OUT_UNTIL, id.toString());
                published.put(id, 0L);
            }
        });
    }

    private void readOutOfRotation(RedisCommands<String, String> redis, long now) {
        Map<String, String> all = redis.hgetall(OUT_UNTIL);
        Map<UUID, Long> until = new HashMap<>();
        all.forEach((field, value) -> {
            long millis = Long.parseLong(value);
            if (millis > now) {
                until.put(UUID.fromString(field), millis);
            } else if (millis < now - SharedUse.MINUTE_MILLIS) {
                redis.hdel(OUT_UNTIL, field);
            }
        });
        // a deployment this replica never called may be out already
        until.keySet().forEach(states::of);
        states.forEach((id, health) -> health.sharedOutUntil(until.getOrDefault(id, 0L)));
    }

    /** Adds this replica's use of each capped deployment and reads what all replicas used. */
    private void shareUse(RedisCommands<String, String> redis, ConfigSnapshot snapshot, long now) {
        Set<UUID> capped = new HashSet<>();
        snapshot.deploymentsByModel().values().forEach(deployments -> deployments.stream()
                .filter(d -> d.requestCapacity().isPresent() || d.tokenCapacity().isPresent())
                .forEach(d -> capped.add(d.id())));
        capped.forEach(states::of);
        long minute = SharedUse.minute(now);
        states.forEach((id, health) -> health.sharedUse().ifPresent(use -> {
            long requests = use.takeUnsentRequests();
            long tokens = use.takeUnsentTokens();
            if (!capped.contains(id)) {
                return;
            }
            String prefix = USE + id + ':';
            List<Long> totals = redis.eval(ADD_USE, ScriptOutputType.MULTI, new String[]{
                    prefix + "requests:" + minute, prefix + "requests:" + (minute - 1),
                    prefix + "tokens:" + minute, prefix + "tokens:" + (minute - 1)},
                    Long.toString(requests), Long.toString(tokens));
            use.read(new SharedUse.Totals(minute, totals.get(0), totals.get(1), totals.get(2), totals.get(3), now));
        }));
    }

    private void failed(RuntimeException failure) {
        failures.increment();
        long now = clock.millis();
        if (now >= nextWarningAt) {
            nextWarningAt = now + WARNING_INTERVAL_MILLIS;
            log.warn("Redis is unreachable for shared routing state ({}); each replica routes on what it knows alone "
                    + "until it answers again", failure.toString());
        }
    }
}
