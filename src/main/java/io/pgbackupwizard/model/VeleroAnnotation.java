package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Velero's pod annotation keys, once: what each does and what Velero does when it is absent (Velero v1.18.1,
 * internal/hook/item_hook_handler.go and pkg/apis/velero/v1/labels_annotations.go; docs/facts/velero-hooks.md). The
 * generator writes these keys, the page explains them by switching over this enum (a new key is a compile error
 * there), and the doctor knows every other velero.io key for a typo.
 */
public enum VeleroAnnotation {
    BACKUP_VOLUMES("backup.velero.io/backup-volumes", "volumes copied by file-system backup (opt-in)", "none"),
    BACKUP_VOLUMES_EXCLUDES("backup.velero.io/backup-volumes-excludes",
            "volumes left out when Velero copies every volume (defaultVolumesToFsBackup)", "none"),
    PRE_BACKUP_CONTAINER("pre.hook.backup.velero.io/container", "the container the pre-backup hook runs in",
            "the pod's first container"),
    PRE_BACKUP_COMMAND("pre.hook.backup.velero.io/command", "the pre-backup hook (a JSON array: exec'd, no shell)",
            "no hook"),
    PRE_BACKUP_TIMEOUT("pre.hook.backup.velero.io/timeout", "how long the pre-backup hook may run", "30s"),
    PRE_BACKUP_ON_ERROR("pre.hook.backup.velero.io/on-error", "Fail or Continue after a failed pre-backup hook",
            "acts as Continue for annotation hooks"),
    POST_BACKUP_CONTAINER("post.hook.backup.velero.io/container", "the container the post-backup hook runs in",
            "the pod's first container"),
    POST_BACKUP_COMMAND("post.hook.backup.velero.io/command", "the post-backup hook", "no hook"),
    POST_BACKUP_TIMEOUT("post.hook.backup.velero.io/timeout", "how long the post-backup hook may run", "30s"),
    POST_BACKUP_ON_ERROR("post.hook.backup.velero.io/on-error", "Fail or Continue after a failed post-backup hook",
            "acts as Continue for annotation hooks"),
    RESTORE_CONTAINER("post.hook.restore.velero.io/container", "the container the restore hook runs in",
            "the pod's first container"),
    RESTORE_COMMAND("post.hook.restore.velero.io/command", "the restore hook", "no hook"),
    RESTORE_ON_ERROR("post.hook.restore.velero.io/on-error", "Fail or Continue after a failed restore hook", "Continue"),
    RESTORE_WAIT_FOR_READY("post.hook.restore.velero.io/wait-for-ready", "\"true\": start the hook once the container is Ready",
            "false"),
    RESTORE_WAIT_TIMEOUT("post.hook.restore.velero.io/wait-timeout", "how long Velero waits for the container",
            "waits forever"),
    RESTORE_EXEC_TIMEOUT("post.hook.restore.velero.io/exec-timeout", "how long the restore hook may run", "30s"),
    INIT_CONTAINER_IMAGE("init.hook.restore.velero.io/container-image", "an init container's image for a restore hook",
            "no init hook"),
    INIT_CONTAINER_NAME("init.hook.restore.velero.io/container-name", "that init container's name", "no init hook"),
    INIT_COMMAND("init.hook.restore.velero.io/command", "that init container's command", "no init hook"),
    INIT_TIMEOUT("init.hook.restore.velero.io/timeout", "how long the init hook may run", "none");

    private final String key;
    private final String meaning;
    private final String whenAbsent;

    VeleroAnnotation(String key, String meaning, String whenAbsent) {
        this.key = key;
        this.meaning = meaning;
        this.whenAbsent = whenAbsent;
    }

    public String key() {
        return key;
    }

    /** What the annotation does, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** What Velero does when the annotation is absent. */
    public String whenAbsent() {
        return whenAbsent;
    }

    public static Optional<VeleroAnnotation> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
