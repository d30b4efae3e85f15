package io.tollgate.portal.catalog;

import io.tollgate.model.account.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The model catalog every tenant member may browse: active models and their current prices. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final JdbcClient jdbc;

    CatalogService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING, Roles.PLATFORM_ADMIN})
    public List<CatalogModel> activeModels() {
        return jdbc.sql("""
                        select m.id, m.name, m.display_name, m.description, m.capabilities, m.context_window,
                               m.requires_approval, p.input_per_million, p.output_per_million,
                               p.cached_input_per_million
                        from models m
                        left join lateral (select * from prices where model_id = m.id and effective_from <= now()
                                           order by effective_from desc limit 1) p on true
                        where m.status = 'ACTIVE' order by lower(m.display_name)""")
                .query((rs, n) -> new CatalogModel(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("display_name"), rs.getString("description"), strings(rs.getArray("capabilities")),
                        rs.getInt("context_window"), rs.getBoolean("requires_approval"),
                        rs.getBigDecimal("input_per_million"), rs.getBigDecimal("output_per_million"),
                        rs.getBigDecimal("cached_input_per_million")))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
