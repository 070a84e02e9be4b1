package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.pgbackupwizard.doctor.ClientCall;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/**
 * The hooks' PGPASSWORD must come from a variable the container has: $POSTGRES_PASSWORD, or the file
 * $POSTGRES_PASSWORD_FILE names when password files are on (the default from chart 16.6.0).
 */
public final class PasswordSourceRule implements Rule {

    @Override
    public String checks() {
        return "The hooks' PGPASSWORD comes from a variable the container has: $POSTGRES_PASSWORD or the file $POSTGRES_PASSWORD_FILE names.";
    }

    @Override
    public List<String> findings() {
        return List.of("CLEAR_PASSWORD", "NO_PGPASSWORD", "PGPASSWORD_UNSET_VARIABLE");
    }

    private static final Pattern FILE_VAR = Pattern.compile("\\$\\{?POSTGRES_PASSWORD_FILE\\b");
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{?POSTGRES_PASSWORD(?![A-Za-z0-9_])");
    private static final Pattern ANY_VAR = Pattern.compile("\\$");
    private static final Pattern SUPERUSER_VAR = Pattern.compile("\\$\\{?POSTGRES_POSTGRES_PASSWORD\\b");
    static final String FIX = "Read the password inside the container from whichever the chart sets: "
            + "PGPASSWORD=\"${POSTGRES_PASSWORD:-$(cat \"$POSTGRES_PASSWORD_FILE\")}\"; export PGPASSWORD";

    @Override
    public void check(Manifest m, Findings out) {
        for (HookCommand hook : HookCommands.all(m)) {
            boolean needsPassword = hook.commands().stream()
                    .anyMatch(c -> ClientCall.TOOLS.contains(c.name()) && !c.name().equals("pg_isready"));
            if (!needsPassword || hook.script().isEmpty())
                continue;
            Optional<String> value = HookCommands.assigned(hook, "PGPASSWORD");
            if (value.isEmpty()) {
                if (hook.script().get().contains("PGPASSFILE") || hook.script().get().contains(".pgpass"))
                    continue;
                out.add("NO_PGPASSWORD", hook.breaks(), hook.at(),
                        "The hook sets no PGPASSWORD, but the chart's pg_hba asks for a password on 127.0.0.1, so "
                                + "pg_dump/psql fail with \"no password supplied\".",
                        FIX + ".");
                continue;
            }
            String v = value.get();
            if (SUPERUSER_VAR.matcher(v).find() && m.facts().map(f -> f.userIsSuperuser()).orElse(false)) {
                out.add("PGPASSWORD_UNSET_VARIABLE", hook.breaks(), hook.at(),
                        "PGPASSWORD comes from $POSTGRES_POSTGRES_PASSWORD, Bitnami's variable for its postgres superuser, but "
                                + m.family().title() + " runs the official image, which has one superuser, the chart's user"
                                + " ($POSTGRES_USER), and sets no $POSTGRES_POSTGRES_PASSWORD: with set -u the hook stops"
                                + " there, without it the password is empty.",
                        "Log in as the chart's user with its password: PGPASSWORD=\"$POSTGRES_PASSWORD\"; export PGPASSWORD,"
                                + " and -U <auth.username>.");
                continue;
            }
            boolean file = FILE_VAR.matcher(v).find();
            boolean env = ENV_VAR.matcher(v).find();
            if (!file && !env) {
                if (!ANY_VAR.matcher(v).find()) {
                    out.add("CLEAR_PASSWORD", Severity.WARNING, hook.at(),
                            "The hook writes the password in clear: it is in the release, in every customer's cluster and in "
                                    + "Velero's logs, and it stops matching when the customer's password differs.",
                            FIX + ".");
                }
                continue;
            }
            if (env && !file && filesOn(m)) {
                out.add("PGPASSWORD_UNSET_VARIABLE", hook.breaks(), hook.at(),
                        "PGPASSWORD comes from $POSTGRES_PASSWORD, but chart " + m.chartVersion().get() + " mounts the "
                                + "password as a file (auth.usePasswordFiles is true by default from 16.6.0) and sets no "
                                + "$POSTGRES_PASSWORD: the password is empty and authentication fails.",
                        FIX + " (or set auth.usePasswordFiles: false).");
            } else if (file && !env && filesOff(m)) {
                out.add("PGPASSWORD_UNSET_VARIABLE", hook.breaks(), hook.at(),
                        "PGPASSWORD is read from the file $POSTGRES_PASSWORD_FILE names, but chart " + m.chartVersion().get()
                                + " as configured passes the password as $POSTGRES_PASSWORD and sets no $POSTGRES_PASSWORD_FILE.",
                        FIX + ".");
            }
        }
    }

    /** Password files are on: the chart's default from 16.6.0 unless turned off, or turned on in older charts. */
    private static boolean filesOn(Manifest m) {
        if (m.facts().isEmpty())
            return false;
        Located flag = flag(m);
        if (m.facts().get().passwordFilesByDefault())
            return !(flag.exists() && flag.text().orElse("").equals("false"));
        return flag.isTrue();
    }

    private static boolean filesOff(Manifest m) {
        return m.facts().isPresent() && !filesOn(m);
    }

    private static Located flag(Manifest m) {
        return m.values().at(m.facts().get().passwordFilesFlag().toArray(String[]::new));
    }
}
