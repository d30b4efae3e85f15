package io.tollgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the shipped alert rules ({@code ops/prometheus/rules}) and dashboards ({@code ops/grafana/dashboards})
 * query, so a service's test can prove it exports each of them: no alert or panel on a metric that does not exist.
 * The PromQL is read well enough for that: strings, label matchers, ranges and grouping clauses are dropped, and what
 * remains is a metric name unless it is a function, a keyword or a number.
 */
public final class OpsMetricNames {

    private static final Pattern RULE_EXPR = Pattern.compile("(?m)^(\\s*)expr:\\s*(\\|[-+]?)?(.*)$");
    private static final Pattern DASHBOARD_EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan");

    private OpsMetricNames() {
    }

    /** Every metric name queried under {@code ops/}, found from {@code moduleDirectory}'s parent (the repository). */
    public static Set<String> referenced(Path moduleDirectory) {
        Path ops = moduleDirectory.toAbsolutePath().normalize().resolveSibling("ops");
        Set<String> names = new TreeSet<>();
        for (String expression : expressions(ops)) {
            names.addAll(metricNames(expression));
        }
        return names;
    }

    /** The sample names in a Prometheus text exposition (a scrape). */
    public static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
                .replaceAll("\\$\\w+", "");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(stripped);
        while (identifiers.find()) {
            String name = identifiers.group();
            int end = identifiers.end();
            boolean function = stripped.substring(end).stripLeading().startsWith("(");
            boolean partOfNumber = identifiers.start() > 0 && Character.isDigit(stripped.charAt(identifiers.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> expressions(Path ops) {
        List<String> expressions = new ArrayList<>();
        for (Path file : files(ops.resolve("prometheus/rules"), ".yml")) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher expr = RULE_EXPR.matcher(lines.get(i));
                if (!expr.matches()) {
                    continue;
                }
                if (expr.group(2) == null) {
                    expressions.add(expr.group(3));
                    continue;
                }
                StringBuilder block = new StringBuilder();
                int indent = expr.group(1).length();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                    block.append(lines.get(++i)).append('\n');
                }
                expressions.add(block.toString());
            }
        }
        for (Path file : files(ops.resolve("grafana/dashboards"), ".json")) {
            Matcher expr = DASHBOARD_EXPR.matcher(read(file));
            while (expr.find()) {
                expressions.add(expr.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        if (expressions.isEmpty()) {
            throw new IllegalStateException("no alert rules or dashboards under " + ops);
        }
        return expressions;
    }

    private static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
