package io.tollgate.gateway.observability;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessIntegrationTest {

    @Test
    void a_snapshot_older_than_its_bound_makes_the_gateway_unready_until_a_reload() throws Exception {
        var database = TestPostgres.instance().shared();
        try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-readiness"),
                Map.of("tollgate.gateway.snapshot.max-age", "5s",
                        "tollgate.gateway.snapshot.full-reload-interval", "1h"))) {
            await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(60), "readiness");

            await(() -> gateway.get("/readyz").statusCode() == 503, Duration.ofSeconds(30), "the snapshot to age");
            assertThat(gateway.get("/readyz").body()).contains("the configuration snapshot is older than PT5S");

            new Seeder(database.dataSource()).tenant();
            await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(10),
                    "readiness after the change notification's reload");
        }
    }
}
