package io.tollgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void reserved_ports_are_distinct_free_and_outside_the_range_the_kernel_hands_out() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(FreePorts.reserve());
        }

        assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(20_000, 32_767));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void a_port_something_listens_on_is_passed_over() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            int taken = listening.getLocalPort();

            assertThat(FreePorts.reserve(firstThenAny(taken))).isNotEqualTo(taken);
        }
    }

    @Test
    void a_port_another_jvm_has_locked_is_passed_over() throws Exception {
        int locked = ThreadLocalRandom.current().nextInt(20_000, 32_768);
        Process holder = holdLock(locked);
        try (var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            // "busy": a test JVM beside this one holds it already, which is the same case
            assertThat(output.readLine()).as("the other JVM's lock").isIn("locked", "busy");

            assertThat(FreePorts.reserve(firstThenAny(locked))).isNotEqualTo(locked);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
    }

    private static Process holdLock(int port) throws IOException, URISyntaxException {
        Files.createDirectories(FreePorts.lockFile(port).getParent());
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path classes = Path.of(PortLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ProcessBuilder(java, "-cp", classes.toString(), PortLockHolder.class.getName(),
                FreePorts.lockFile(port).toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** {@code first}, then random ports of the range. */
    private static IntSupplier firstThenAny(int first) {
        var given = new boolean[1];
        return () -> {
            if (!given[0]) {
                given[0] = true;
                return first;
            }
            return ThreadLocalRandom.current().nextInt(20_000, 32_768);
        };
    }
}
