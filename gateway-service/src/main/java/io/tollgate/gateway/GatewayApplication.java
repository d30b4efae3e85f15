package io.tollgate.gateway;

import io.tollgate.gateway.server.EventLoops;
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
    /** Lettuce's property: whether its Redis connections may use io_uring (its default: yes, but epoll first). */
    static final String LETTUCE_IO_URING = "io.lettuce.core.iouring";

    public static void main(String[] args) {
        setPropertyDefaults();
        var application = new SpringApplication(GatewayApplication.class);
        application.addListeners(new EventLoops());
        application.run(args);
    }

    /**
     * System properties read once when their library loads, so set before anything starts; an operator's -D wins.
     * <ul>
     *   <li>Each buffer Netty tracks for leaks records a stack trace: at its 1 in 128, about 1.4% of the request
     *       path's CPU. 1 in 4,096 still reports a leak of a request's buffer within seconds of traffic.</li>
     *   <li>The event loops use io_uring where the kernel allows it. Lettuce, finding both it and epoll, picks epoll
     *       and warns at every start; told to leave io_uring alone, it picks the same without the warning.</li>
     * </ul>
     */
    static void setPropertyDefaults() {
        setIfAbsent(LEAK_SAMPLING, "4096");
        setIfAbsent(LETTUCE_IO_URING, "false");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
