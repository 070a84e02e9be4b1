package io.pgbackupwizard.generate.hooks;

import io.pgbackupwizard.model.WizardInput;

/**
 * The hook scripts (what bash runs) and the annotations that carry them (the JSON-array values of the
 * {@code .../command} annotations). {@code restoreScript}/{@code restoreAnnotation} are null when the restore hook is off.
 */
public record Hooks(String backupScript, String backupAnnotation, String restoreScript, String restoreAnnotation) {

    public static Hooks of(WizardInput in) {
        String backup = HookScripts.backupScript(in);
        String restore = in.restoreHook() ? HookScripts.restoreScript(in) : null;
        return new Hooks(backup, JsonArray.of(HookScripts.argv(backup)),
                restore, restore == null ? null : JsonArray.of(HookScripts.argv(restore)));
    }
}
