package io.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The alert rules pass promtool's checks and their unit tests, and every alert has its runbook. */
class PrometheusRulesTest {

    @Test
    void the_rules_pass_promtool_check_rules() throws IOException {
        List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
        command.addAll(files("ops/prometheus/rules"));

        var result = Repository.run(command.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void the_rules_pass_their_unit_tests() throws IOException {
        List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
        command.addAll(files("ops/prometheus/tests"));

        var result = Repository.run(command.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void every_alert_is_unit_tested_and_has_a_runbook_in_the_operations_guide() throws IOException {
        String rules = Repository.read("ops/prometheus/rules/tollgate.yml");
        String tests = String.join("\n", files("ops/prometheus/tests").stream().map(Repository::read).toList());
        String operations = Repository.read("docs/operations.md").toLowerCase();
        var alerts = Pattern.compile("- alert: (\\w+)").matcher(rules).results().map(match -> match.group(1)).toList();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8).allSatisfy(alert -> {
            assertThat(tests).as("unit test of %s", alert).contains("alertname: " + alert);
            assertThat(rules).contains("runbook_url: docs/operations.md#" + alert.toLowerCase());
            assertThat(operations).as("runbook of %s", alert).contains("### " + alert.toLowerCase());
        });
    }

    private static List<String> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Repository.file(folder))) {
            return files.map(file -> Repository.ROOT.relativize(file).toString()).sorted().toList();
        }
    }
}
