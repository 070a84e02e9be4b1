package io.pgbackupwizard.hooks;

import java.util.List;

import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.RenderedPod;

/** What Velero reads from the rendered pod's annotations for one hook: the container and the argv. */
record VeleroExec(String container, List<String> argv) {
    static final String BACKUP = "pre.hook.backup.velero.io";
    static final String RESTORE = "post.hook.restore.velero.io";

    /** The container annotation, else Velero's default: the pod's first container. */
    static VeleroExec of(RenderedPod pod, String prefix) {
        Object named = pod.annotations().get(prefix + "/container");
        String container = named != null ? named.toString() : pod.containerNames().get(0);
        Object command = pod.annotations().get(prefix + "/command");
        if (command == null)
            throw new AssertionError("the rendered pod has no " + prefix + "/command annotation");
        return new VeleroExec(container, ManifestView.veleroArgv(prefix + "/command", command.toString()));
    }

    String script() {
        if (argv.size() != 3 || !argv.subList(0, 2).equals(List.of("/bin/bash", "-c"))) {
            throw new AssertionError("not a /bin/bash -c hook: " + argv);
        }
        return argv.get(2);
    }
}
