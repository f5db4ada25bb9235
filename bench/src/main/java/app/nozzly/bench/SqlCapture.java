package app.nozzly.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the exact SQL a service operation issues: switches on Postgres statement logging for the duration of
 * one operation made through the API, then reads the statements (with their parameters and transaction
 * boundaries, per server process) back from the stack's postgres.log. The baselines replay them over plain
 * JDBC ({@link SqlReplay}), so "the same SQL" is what the services really ran, not a hand-written guess.
 */
final class SqlCapture {

    /** One captured step of one server process: BEGIN, COMMIT, ROLLBACK or a statement with its parameters. */
    record Step(long pid, String sql, List<String> params) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

        /** The statement as JDBC takes it ($n -> ?). */
        String jdbcSql() {
            return PLACEHOLDER.matcher(sql).replaceAll("?");
        }

        /** The parameters in the order of their placeholders in the statement. */
        List<String> jdbcParams() {
            List<String> ordered = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(sql);
            while (m.find()) {
                int index = Integer.parseInt(m.group(1)) - 1;
                ordered.add(index < params.size() ? params.get(index) : null);
            }
            return ordered;
        }

        boolean begin() {
            return "BEGIN".equalsIgnoreCase(sql);
        }

        boolean end() {
            return "COMMIT".equalsIgnoreCase(sql) || "ROLLBACK".equalsIgnoreCase(sql);
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[(\\d+)\\] (LOG|DETAIL):  (?:(?:statement|execute [^:]+): (.*)|Parameters: (.*))$");
    /** Possessive runs: a parameter of many kilobytes (an event envelope) must not recurse once per character. */
    private static final Pattern PARAM = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']++|'')*+)')");
    /** Every transaction of a service first sets its tenant for row-level security: part of the operation's cost. */
    private static final Pattern TENANT = Pattern.compile("^select set_config\\('nozzly\\.tenant'");
    private static final Pattern NOISE = Pattern.compile(
            "pg_try_advisory|published_at|processed_event|rate_limit_counter|alter system|pg_reload_conf", Pattern.CASE_INSENSITIVE);

    private SqlCapture() {
    }

    /**
     * Runs {@code operation} with statement logging on and answers the transactions and single statements it
     * caused whose every statement matches {@code tables}; background work (outbox relays, consumers, other
     * services' schedulers) is left out. The statements are also written to logs/bench-sql-{what}.log.
     */
    static List<Step> capture(Context context, String what, Pattern tables, Callable<?> operation) throws Exception {
        Path log = context.stackHome().resolve("logs").resolve("postgres.log");
        long from = log.toFile().length();
        try (Connection connection = DriverManager.getConnection(context.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("alter system set log_statement = 'all'");
            statement.execute("select pg_reload_conf()");
            Thread.sleep(500);
            try {
                operation.call();
                Thread.sleep(1500);
            } finally {
                statement.execute("alter system reset log_statement");
                statement.execute("select pg_reload_conf()");
            }
        }
        List<Step> steps = steps(read(log, from), tables);
        StringBuilder dump = new StringBuilder();
        steps.forEach(step -> dump.append('[').append(step.pid()).append("] ").append(step.sql()).append("  -- ")
                .append(step.params()).append('\n'));
        Files.writeString(log.resolveSibling("bench-sql-" + what + ".log"), dump);
        return steps;
    }

    /** The operation's steps in postgres.log lines: whole transactions and single statements on {@code tables}. */
    static List<Step> steps(List<String> lines, Pattern tables) {
        return filter(parse(lines), tables);
    }

    private static List<String> read(Path log, long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<Step> parse(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long pid = Long.parseLong(m.group(1));
            if (m.group(3) != null) {
                steps.add(new Step(pid, m.group(3).trim(), List.of()));
            } else if (!steps.isEmpty()) {
                int last = lastOf(steps, pid);
                if (last >= 0 && !steps.get(last).begin() && steps.get(last).params().isEmpty()) {
                    Step step = steps.get(last);
                    steps.set(last, new Step(pid, step.sql(), params(m.group(4))));
                }
            }
        }
        return steps;
    }

    private static int lastOf(List<Step> steps, long pid) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).pid() == pid) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> params(String text) {
        Map<Integer, String> values = new HashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            values.put(Integer.parseInt(m.group(1)), m.group(3) == null ? null : m.group(3).replace("''", "'"));
        }
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= values.size(); i++) {
            params.add(values.get(i));
        }
        return params;
    }

    /**
     * Keeps whole transactions (and single statements) of the operation; drops background work. A single statement
     * setting the tenant is kept with the single statement of the operation that follows it on the same connection.
     */
    private static List<Step> filter(List<Step> steps, Pattern tables) {
        Map<Long, List<Integer>> open = new LinkedHashMap<>();
        Map<Long, Integer> tenantSet = new HashMap<>();
        boolean[] keep = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<Integer> tx = open.get(step.pid());
            Integer tenant = tx == null ? tenantSet.remove(step.pid()) : null;
            if (step.begin()) {
                open.put(step.pid(), new ArrayList<>(List.of(i)));
            } else if (tx == null && TENANT.matcher(step.sql()).find()) {
                tenantSet.put(step.pid(), i);
            } else if (step.end() && tx != null) {
                tx.add(i);
                open.remove(step.pid());
                List<Step> body = tx.stream().map(steps::get).filter(s -> !s.begin() && !s.end()).toList();
                boolean wanted = body.stream().anyMatch(s -> relevant(s, tables))
                        && body.stream().allMatch(s -> relevant(s, tables) || TENANT.matcher(s.sql()).find());
                tx.forEach(index -> keep[index] = wanted);
            } else if (tx != null) {
                tx.add(i);
            } else {
                keep[i] = !step.end() && relevant(step, tables);
                if (keep[i] && tenant != null) {
                    keep[tenant] = true;
                }
            }
        }
        List<Step> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (keep[i]) {
                kept.add(steps.get(i));
            }
        }
        return kept;
    }

    private static boolean relevant(Step step, Pattern tables) {
        return tables.matcher(step.sql()).find() && !NOISE.matcher(step.sql()).find();
    }

    /** The schema each captured server process worked in, told apart by the tables its statements name. */
    static Map<Long, String> schemas(List<Step> steps, Map<Pattern, String> schemaByTable, String fallback) {
        Map<Long, String> schemas = new LinkedHashMap<>();
        for (Step step : steps) {
            schemaByTable.forEach((pattern, schema) -> {
                if (pattern.matcher(step.sql()).find()) {
                    schemas.putIfAbsent(step.pid(), schema);
                }
            });
        }
        steps.forEach(step -> schemas.putIfAbsent(step.pid(), fallback));
        return schemas;
    }

    /**
     * A pattern for statements on these tables (a regex alternation of names), matched where a statement names a
     * table or a sequence: other services' statements carry columns of the same names (model, team, ...).
     */
    static Pattern naming(String tables) {
        return Pattern.compile("(?:\\b(?:from|into|update|join)\\s+|nextval\\(')(?:" + tables + ")\\b",
                Pattern.CASE_INSENSITIVE);
    }

    static void check(List<Step> steps, String what) throws SQLException {
        if (steps.stream().noneMatch(s -> !s.begin() && !s.end())) {
            throw new SQLException("no SQL of " + what + " found in postgres.log: is log_statement switchable?");
        }
    }
}
