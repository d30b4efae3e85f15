package io.tollgate.portal.admin.routing;

import io.tollgate.model.account.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the gateway replicas publish of each deployment ({@code deployment_live_states}, rewritten by every
 * replica every 2 s) together with every deployment of the catalog, so a deployment no replica has called yet is
 * listed too. A replica's rows count while they are younger than {@link #FRESH_SECONDS}, by the database's clock.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class LiveRoutingService {

    /** Five publishing rounds: a replica silent for longer has stopped or lost the database. */
    static final int FRESH_SECONDS = 10;

    /** Worst first: a breaker that keeps traffic off outranks one that lets probes through, and that one CLOSED. */
    private static final List<String> SEVERITY = List.of("FORCED_OPEN", "OPEN", "HALF_OPEN", "DISABLED",
            "METRICS_ONLY", "CLOSED");

    private final JdbcClient jdbc;

    LiveRoutingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeploymentLiveState> deployments() {
        return jdbc.sql("""
                        with live as (
                            select s.*, s.updated_at > now() - make_interval(secs => :fresh) fresh
                            from deployment_live_states s)
                        select d.id, m.name model_name, p.name provider_name, d.upstream_model,
                               d.enabled and p.enabled enabled, d.requests_per_minute, d.tokens_per_minute,
                               coalesce(array_agg(l.breaker_state) filter (where l.fresh), '{}') breaker_states,
                               count(l.replica_id) filter (where not l.fresh) stale_replicas,
                               coalesce(sum(l.latency_ms * l.window_calls) filter (where l.fresh and l.latency_ms is not null)
                                        / nullif(sum(l.window_calls) filter (where l.fresh and l.latency_ms is not null), 0),
                                        avg(l.latency_ms) filter (where l.fresh)) latency_ms,
                               coalesce(sum(l.window_calls) filter (where l.fresh), 0) window_calls,
                               coalesce(sum(l.window_failed_calls) filter (where l.fresh), 0) window_failed_calls,
                               coalesce(sum(l.in_flight) filter (where l.fresh), 0) in_flight,
                               coalesce(sum(l.requests_last_minute) filter (where l.fresh), 0) requests_last_minute,
                               coalesce(sum(l.tokens_last_minute) filter (where l.fresh), 0) tokens_last_minute
                        from deployments d
                            join models m on m.id = d.model_id
                            join providers p on p.id = d.provider_id
                            left join live l on l.deployment_id = d.id
                        group by d.id, m.name, p.name, p.enabled
                        order by m.name, d.priority, d.weight desc, d.upstream_model, d.id""")
                .param("fresh", FRESH_SECONDS)
                .query((rs, n) -> new DeploymentLiveState(rs.getObject("id", UUID.class), rs.getString("model_name"),
                        rs.getString("provider_name"), rs.getString("upstream_model"), rs.getBoolean("enabled"),
                        worstFirst(rs.getArray("breaker_states")), rs.getInt("stale_replicas"),
                        rs.getObject("latency_ms", Double.class), rs.getLong("window_calls"),
                        rs.getLong("window_failed_calls"), rs.getLong("in_flight"), rs.getLong("requests_last_minute"),
                        rs.getObject("requests_per_minute", Integer.class), rs.getLong("tokens_last_minute"),
                        rs.getObject("tokens_per_minute", Long.class)))
                .list();
    }

    /** Gateway replicas that reported in the last {@link #FRESH_SECONDS} seconds. */
    public int replicasReporting() {
        return jdbc.sql("""
                        select count(distinct replica_id) from deployment_live_states
                        where updated_at > now() - make_interval(secs => ?)""")
                .param(FRESH_SECONDS).query(Integer.class).single();
    }

    private static List<String> worstFirst(Array states) throws SQLException {
        return Arrays.stream((String[]) states.getArray())
                .sorted(Comparator.comparingInt(state -> {
                    int rank = SEVERITY.indexOf(state);
                    return rank < 0 ? SEVERITY.size() : rank;
                }))
                .toList();
    }
}
