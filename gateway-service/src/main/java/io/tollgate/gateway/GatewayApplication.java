package io.tollgate.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The data plane. It reads its configuration with plain JDBC into an in-memory snapshot, so it scans only its own
 * packages: shared-model's JPA configuration stays out, and the gateway starts (and waits) while the database is down.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Netty's property: of how many buffers one is tracked for leaks (Netty's default: 128). */
    static final String LEAK_SAMPLING = "io.netty.leakDetection.samplingInterval";

    public static void main(String[] args) {
        sampleLeaksSparsely();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Each buffer Netty tracks for leaks records a stack trace: at its 1 in 128, about 1.4% of the request path's CPU.
     * 1 in 4,096 still reports a leak of a request's buffer within seconds of traffic. An operator's -D wins. Before
     * Netty's leak detector loads.
     */
    static void sampleLeaksSparsely() {
        if (System.getProperty(LEAK_SAMPLING) == null) {
            System.setProperty(LEAK_SAMPLING, "4096");
        }
    }
}
