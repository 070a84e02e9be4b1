package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.WizardInput;

/**
 * The hook scripts and the annotation values that carry them (JSON arrays of three strings).
 * {@code restoreScript}/{@code restoreCommand} are null when the restore hook is off.
 */
public record HookAnnotations(String backupScript, String backupCommand, String restoreScript, String restoreCommand) {

    public static HookAnnotations of(WizardInput in) {
        String backup = HookCommands.backupScript(in);
        String restore = in.restoreHook() ? HookCommands.restoreScript(in) : null;
        return new HookAnnotations(backup, JsonArray.of(HookCommands.argv(backup)),
                restore, restore == null ? null : JsonArray.of(HookCommands.argv(restore)));
    }
}
