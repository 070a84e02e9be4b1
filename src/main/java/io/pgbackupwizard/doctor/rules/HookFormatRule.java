package io.pgbackupwizard.doctor.rules;

import java.util.List;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;

/**
 * A hook command must be a JSON array of strings; Velero runs anything else as ONE argument, silently. It runs the
 * array with exec, not through a shell, so $VARIABLES only expand inside ["/bin/bash", "-c", "..."].
 */
public final class HookFormatRule implements Rule {

    @Override
    public String checks() {
        return "A hook command is a JSON array of strings, with $VARIABLES only inside a shell's -c script.";
    }

    @Override
    public List<String> findings() {
        return List.of("HOOK_INVALID_JSON", "HOOK_NOT_JSON_ARRAY", "HOOK_VARIABLES_WITHOUT_SHELL");
    }

    static final String FIX = "Write the command as a JSON array that runs bash: "
            + "'[\"/bin/bash\", \"-c\", \"<script>\"]' (single-quoted in YAML, double quotes inside the script escaped as \\\").";

    @Override
    public void check(Manifest m, Findings out) {
        for (String key : List.of(HookCommand.BACKUP, HookCommand.POST_BACKUP, HookCommand.RESTORE)) {
            HookCommand.of(m, key).ifPresent(hook -> check(hook, out));
        }
    }

    private static void check(HookCommand hook, Findings out) {
        String text = hook.text();
        if (!hook.jsonArray()) {
            if (text.startsWith("[")) {
                out.add("HOOK_INVALID_JSON", hook.breaks(), hook.at(),
                        "The value starts with '[' but is not a JSON array of strings, so Velero silently runs the whole "
                                + "text as one program name: the exec fails (\"executable file not found\") and no "
                                + (hook.restore() ? "restore" : "dump") + " happens.",
                        "Fix the JSON (every item a double-quoted string, inner double quotes escaped as \\\"). " + FIX);
            } else if (text.strip().contains(" ")) {
                out.add("HOOK_NOT_JSON_ARRAY", hook.breaks(), hook.at(),
                        "Velero reads a command that does not start with '[' as ONE argument: it tries to run a program "
                                + "literally named '" + abbreviate(text) + "', which does not exist.",
                        FIX);
            }
        }
        if (hook.jsonArray() && hook.script().isEmpty() && hook.argv().stream().anyMatch(a -> a.contains("$"))) {
            out.add("HOOK_VARIABLES_WITHOUT_SHELL", hook.breaks(), hook.at(),
                    "The command uses $variables but is not run through a shell: Velero execs it directly, so the "
                            + "program gets the text '$...' literally (no password, no expansion).",
                    FIX);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
