package io.pgbackupwizard.generate.hooks;

import io.pgbackupwizard.model.WizardInput;

/**
 * The hook scripts (what bash runs) and the annotations that carry them (the JSON-array values of the
 * {@code .../command} annotations). {@code restoreScript}/{@code restoreAnnotation} are null when the restore hook is off;
 * every part is null for a family that backs itself up ({@link #NONE}).
 */
public record Hooks(String backupScript, String backupAnnotation, String restoreScript, String restoreAnnotation) {

    /** No hooks: the database backs itself up (CloudNativePG). */
    public static final Hooks NONE = new Hooks(null, null, null, null);

    public static Hooks of(WizardInput in) {
        if (in.family().backsItselfUp())
            return NONE;
        String backup = HookScripts.backupScript(in);
        String restore = in.restoreHook() ? HookScripts.restoreScript(in) : null;
        return new Hooks(backup, JsonArray.of(HookScripts.argv(backup)),
                restore, restore == null ? null : JsonArray.of(HookScripts.argv(restore)));
    }

    /** Whether there are hooks at all. */
    public boolean present() {
        return backupScript != null;
    }
}
