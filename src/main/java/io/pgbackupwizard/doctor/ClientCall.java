package io.pgbackupwizard.doctor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connection options of one libpq tool call (pg_dump, psql, pg_isready...) in a hook: -h, -U, -p, -d, given as
 * options, as a connection string in -d, or as PGHOST/PGUSER/PGPORT assignments in the script.
 */
public record ClientCall(String tool, Option host, Option user, Option port, Option dbname, Optional<String> outputFile) {

    /** An option: absent, given without a value (the tool stops: "option requires an argument"), or given. */
    public record Option(boolean given, Optional<String> value) {
        static final Option ABSENT = new Option(false, Optional.empty());

        static Option of(String v) {
            return new Option(true, v == null || v.isEmpty() ? Optional.empty() : Optional.of(v));
        }

        public boolean missingValue() {
            return given && value.isEmpty();
        }
    }

    public static final Set<String> TOOLS = Set.of("pg_dump", "pg_dumpall", "psql", "pg_isready", "pg_restore");

    /** Short options that take an argument, per tool (getopt strings of PostgreSQL 17). */
    private static final Map<String, String> ARG_OPTIONS = Map.of(
            "pg_dump", "dfFhjnNpStTUZeE",
            "pg_dumpall", "dfhlpSU",
            "psql", "cdfhLopPTUvFR",
            "pg_isready", "dhptU",
            "pg_restore", "dfhILnNpPsStTUj");

    /** The call's options, or empty when the command is not a libpq tool. */
    public static Optional<ClientCall> of(ShellScript.Command c, List<String> scriptAssignments) {
        String tool = c.name();
        if (!TOOLS.contains(tool))
            return Optional.empty();
        String argOptions = ARG_OPTIONS.get(tool);
        Option host = Option.ABSENT, user = Option.ABSENT, port = Option.ABSENT, db = Option.ABSENT;
        String out = null;
        int positional = 0;
        List<String> w = c.words();
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            String next = i + 1 < w.size() ? w.get(i + 1) : null;
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
                boolean takesValue = Set.of("host", "username", "port", "dbname", "file", "format", "schema",
                        "table", "command", "variable", "set", "output", "compress", "jobs", "encoding").contains(name);
                String value = eq >= 0 ? a.substring(eq + 1) : takesValue ? next : null;
                if (eq < 0 && takesValue)
                    i++;
                switch (name) {
                    case "host" -> host = Option.of(value);
                    case "username" -> user = Option.of(value);
                    case "port" -> port = Option.of(value);
                    case "dbname" -> db = Option.of(value);
                    case "file" -> out = value;
                    default -> {
                    }
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char o = a.charAt(k);
                    if (argOptions.indexOf(o) < 0)
                        continue;
                    String value = k + 1 < a.length() ? a.substring(k + 1) : next;
                    if (k + 1 >= a.length())
                        i++;
                    switch (o) {
                        case 'h' -> host = Option.of(value);
                        case 'U' -> user = Option.of(value);
                        case 'p' -> port = Option.of(value);
                        case 'd' -> db = Option.of(value);
                        case 'f' -> out = value;
                        default -> {
                        }
                    }
                    break;
                }
            } else {
                // psql/pg_dump positional arguments: [dbname [username]]
                if (positional == 0 && !db.given())
                    db = Option.of(a);
                else if (positional == 1 && tool.equals("psql") && !user.given())
                    user = Option.of(a);
                positional++;
            }
        }
        // A connection string in -d carries its own settings.
        String conn = db.value().orElse("");
        if (conn.contains("=") || conn.startsWith("postgres")) {
            if (!host.given() && (conn.contains("host=") || conn.contains("@")))
                host = Option.of("(in -d)");
            if (!user.given() && (conn.contains("user=") || conn.matches("postgres(ql)?://[^@/]+@.*")))
                user = Option.of("(in -d)");
            if (!port.given() && (conn.contains("port=") || conn.matches("postgres(ql)?://[^/]*:\\d+.*")))
                port = Option.of("(in -d)");
        }
        List<String> env = new java.util.ArrayList<>(scriptAssignments);
        env.addAll(c.assignments());
        for (String assignment : env) {
            String name = assignment.substring(0, assignment.indexOf('='));
            String value = assignment.substring(assignment.indexOf('=') + 1);
            if (name.equals("PGHOST") && !host.given())
                host = Option.of(value);
            if (name.equals("PGUSER") && !user.given())
                user = Option.of(value);
            if (name.equals("PGPORT") && !port.given())
                port = Option.of(value);
        }
        if (out == null && !c.redirects().isEmpty())
            out = c.redirects().get(c.redirects().size() - 1);
        return Optional.of(new ClientCall(tool, host, user, port, db, Optional.ofNullable(out)));
    }
}
