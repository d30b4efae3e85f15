package io.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import io.tollgate.gateway.provider.UpstreamHttp.Timeouts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

class UpstreamHttpTest {

    private final UpstreamHttp upstream = new UpstreamHttp(
            new UpstreamPoolProperties(10, 10, Duration.ofSeconds(30)), Clock.systemUTC());

    @AfterEach
    void closePool() {
        upstream.destroy();
    }

    @Test
    void aDeploymentsTimeoutsConfigureOneClientPerProviderClientAndTimeouts() {
        var provider = HttpClient.create().responseTimeout(Duration.ofSeconds(60));
        var timeouts = new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(3));

        var configured = upstream.withTimeouts(provider, timeouts);

        assertThat(configured).isNotSameAs(provider);
        assertThat(configured.configuration().responseTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(configured.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(500);
        assertThat(upstream.withTimeouts(provider, new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(3))))
                .isSameAs(configured);
    }

    @Test
    void otherTimeoutsOrANewProviderVersionGetAClientOfTheirOwn() {
        var provider = HttpClient.create().responseTimeout(Duration.ofSeconds(60));
        var timeouts = new Timeouts(null, Duration.ofSeconds(3));
        var configured = upstream.withTimeouts(provider, timeouts);

        var idleOnly = upstream.withTimeouts(provider, new Timeouts(null, Duration.ofSeconds(4)));
        var connectOnly = upstream.withTimeouts(provider, new Timeouts(Duration.ofSeconds(1), null));
        var newVersion = upstream.withTimeouts(HttpClient.create(), timeouts);

        assertThat(idleOnly).isNotSameAs(configured);
        assertThat(idleOnly.configuration().responseTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(connectOnly.configuration().responseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(connectOnly.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(1000);
        assertThat(newVersion).isNotSameAs(configured);
    }
}
