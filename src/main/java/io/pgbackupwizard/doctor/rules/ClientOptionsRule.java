package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.doctor.ClientCall;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.doctor.ShellScript;

/**
 * Every libpq tool in a hook needs -U (the container's uid 1001 has no passwd entry, so libpq has no default user),
 * a host the chart's pg_hba knows (-h 127.0.0.1), and the port the container listens on (nothing sets PGPORT).
 */
public final class ClientOptionsRule implements Rule {

    @Override
    public String checks() {
        return "Every libpq tool in a hook gets -U, -h 127.0.0.1, the container's port, and a value for each option.";
    }

    @Override
    public List<String> findings() {
        return List.of("CLIENT_NO_HOST", "CLIENT_NO_PORT", "CLIENT_NO_USER", "CLIENT_OPTION_WITHOUT_VALUE");
    }

    @Override
    public void check(Manifest m, Findings out) {
        Optional<String> port = HookCommands.changedPort(m);
        for (HookCommand hook : HookCommands.all(m)) {
            List<String> scriptEnv = HookCommands.assignments(hook);
            for (ShellScript.Command c : hook.commands()) {
                ClientCall.of(c, scriptEnv).ifPresent(call -> check(hook, call, port, out));
            }
        }
    }

    private static void check(HookCommand hook, ClientCall call, Optional<String> port, Findings out) {
        String tool = call.tool();
        for (var option : List.of(new Object[] { "-h", call.host() }, new Object[] { "-U", call.user() },
                new Object[] { "-p", call.port() }, new Object[] { "-d", call.dbname() })) {
            if (((ClientCall.Option) option[1]).missingValue()) {
                out.add("CLIENT_OPTION_WITHOUT_VALUE", hook.breaks(), hook.at(),
                        tool + " is given " + option[0] + " without a value (a redirection or the end of the command "
                                + "follows it): " + tool + " stops with \"option requires an argument\".",
                        "Give the value: " + option[0] + " " + example((String) option[0]) + ".");
            }
        }
        if (!call.user().given()) {
            out.add("CLIENT_NO_USER", hook.breaks(), hook.at(),
                    tool + " has no -U: the chart runs the container as uid 1001, which has no passwd entry, so libpq has "
                            + "no user name and " + tool + " fails (\"local user with ID 1001 does not exist\""
                            + (tool.equals("pg_isready")
                                    ? ", or pg_isready answers \"no attempt\" forever and the wait loop never ends"
                                    : "")
                            + ").",
                    "Add -U <user> (the user the chart creates) to " + tool + ".");
        }
        if (!call.host().given()) {
            out.add("CLIENT_NO_HOST", Severity.WARNING, hook.at(),
                    tool + " has no -h, so it uses the Unix socket, whose directory and pg_hba rule depend on the image "
                            + "and chart version; the chart's pg_hba is known to ask for a password on 127.0.0.1.",
                    "Add -h 127.0.0.1 to " + tool + ".");
        }
        if (!call.port().given()) {
            if (port.isPresent()) {
                out.add("CLIENT_NO_PORT", hook.breaks(), hook.at(),
                        tool + " has no -p, so libpq connects to 5432, but the values move PostgreSQL to port " + port.get()
                                + " (the container gets it as $POSTGRESQL_PORT_NUMBER; nothing sets PGPORT).",
                        "Add -p \"${POSTGRESQL_PORT_NUMBER:-5432}\" to " + tool + ".");
            } else {
                out.add("CLIENT_NO_PORT", Severity.WARNING, hook.at(),
                        tool + " has no -p, so it always connects to 5432: the hook breaks as soon as someone changes the "
                                + "chart's port (the container has $POSTGRESQL_PORT_NUMBER; nothing sets PGPORT).",
                        "Add -p \"${POSTGRESQL_PORT_NUMBER:-5432}\" to " + tool + ".");
            }
        }
    }

    private static String example(String option) {
        return switch (option) {
            case "-h" -> "127.0.0.1";
            case "-U" -> "<user>";
            case "-p" -> "\"${POSTGRESQL_PORT_NUMBER:-5432}\"";
            default -> "<database>";
        };
    }
}
