package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.model.VeleroAnnotation;

/** Velero ignores annotation keys it does not know, silently; the usual one is a restore hook's "timeout". */
public final class VeleroKeysRule implements Rule {

    @Override
    public String checks() {
        return "Every hook annotation key is one Velero reads (it ignores the others silently).";
    }

    @Override
    public List<String> findings() {
        return List.of("UNKNOWN_VELERO_KEY");
    }

    /** Annotation keys Velero reads: the one table of them, model/VeleroAnnotation. */
    static final Set<String> KNOWN = java.util.Arrays.stream(VeleroAnnotation.values()).map(VeleroAnnotation::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Override
    public void check(Manifest m, Findings out) {
        for (Map.Entry<String, Located> e : m.annotations().entries().entrySet()) {
            String key = e.getKey();
            if (!key.contains("velero.io/") || KNOWN.contains(key))
                continue;
            if (key.equals("post.hook.restore.velero.io/timeout")) {
                out.add("UNKNOWN_VELERO_KEY", Severity.BREAKS_RESTORE, e.getValue(),
                        "Velero has no post.hook.restore.velero.io/timeout: it ignores the key, so the restore command "
                                + "gets the default exec timeout of 30s and a longer load is cut off.",
                        "Rename it to " + VeleroAnnotation.RESTORE_EXEC_TIMEOUT.key()
                                + " (and set wait-timeout for the wait before it).");
            } else {
                out.add("UNKNOWN_VELERO_KEY", Severity.WARNING, e.getValue(),
                        "Velero does not know the annotation " + key + " and ignores it.",
                        "Use one of Velero's keys: " + String.join(", ", KNOWN.stream().sorted().toList()) + ".");
            }
        }
    }
}
