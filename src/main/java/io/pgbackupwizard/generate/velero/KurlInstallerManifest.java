package io.pgbackupwizard.generate.velero;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.Map;

/** The velero add-on of a kURL Installer: merge it into the release's Installer so kURL installs Velero. */
public final class KurlInstallerManifest {
    private KurlInstallerManifest() {
    }

    public static Map<String, Object> build() {
        return map("apiVersion", "cluster.kurl.sh/v1beta1", "kind", "Installer", "metadata", map("name", "velero"),
                "spec", map("velero", map("version", VeleroVersions.KURL_ADD_ON)));
    }
}
