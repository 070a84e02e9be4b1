package io.pgbackupwizard.web;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.Preset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What `curl <service>` prints: the parameters and ready-to-run command lines. */
@ApplicationScoped
public class PlainTextHelp {

    @Inject
    Wizard wizard;

    static boolean wanted(String userAgent, String accept) {
        if (userAgent != null && (userAgent.startsWith("curl/") || userAgent.startsWith("HTTPie/"))) return true;
        return accept != null && accept.contains("text/plain") && !accept.contains("text/html");
    }

    String render(String base) {
        StringBuilder out = new StringBuilder();
        out.append("Postgres Backup Wizard\n======================\n\n")
                .append("Backup configuration for PostgreSQL (Bitnami chart) in a Replicated KOTS application:\n")
                .append("a HelmChart with Velero pre-backup (pg_dump) and post-restore (psql) hooks, the KOTS Config\n")
                .append("it references, and the Velero Backup KOTS needs. Every parameter is optional.\n\n")
                .append("Files\n-----\n")
                .append("  GET  /helmchart.yaml   the HelmChart      (also POST, form-encoded)\n")
                .append("  GET  /config.yaml      the KOTS Config\n")
                .append("  GET  /backup.yaml      the Velero Backup\n")
                .append("  GET  /bundle.zip       all three in one zip\n")
                .append("  POST /api/manifests    JSON in (same names), JSON out: files and hook commands\n")
                .append("  GET  /q/openapi        OpenAPI document   (/q/swagger-ui for a browser)\n\n")
                .append("Parameters\n----------\n");
        for (Field f : Field.values()) {
            out.append(String.format("  %-20s default %s%n", f.param(),
                    wizard.defaultValue(f).isEmpty() ? "empty (computed)" : wizard.defaultValue(f)))
                    .append("      ").append(f.help()).append('\n')
                    .append("      Rule: ").append(f.rule()).append("\n");
        }
        out.append("\nPresets\n-------\n");
        for (Preset p : Preset.ALL) {
            out.append("  ").append(p.title()).append(": ").append(base).append("/helmchart.yaml");
            StringBuilder q = new StringBuilder();
            p.params().forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v.get(0)));
            out.append(q).append('\n').append("      ").append(p.description()).append('\n');
            if (p.warning() != null) out.append("      Warning: ").append(p.warning()).append('\n');
        }
        out.append("\nThe chart itself\n----------------\n")
                .append("  Put the chart archive in the KOTS release next to the HelmChart:\n")
                .append("    helm pull oci://registry-1.docker.io/bitnamicharts/postgresql --version <chartVersion>\n")
                .append("  Old versions the OCI registry does not serve are listed in the archive-full-index branch:\n")
                .append("    https://raw.githubusercontent.com/bitnami/charts/archive-full-index/bitnami/index.yaml\n")
                .append("  Charts 8.x-10.x have no free image in 2026 (their Debian 10 tags were not kept): mirror it\n")
                .append("  and set imageRegistry/imageRepository. /api/manifests lists such warnings for each input.\n");
        out.append("\nExamples\n--------\n")
                .append("  curl -fsSLO ").append(base).append("/helmchart.yaml\n")
                .append("  curl -fsSL -o db-helmchart.yaml '").append(base)
                .append("/helmchart.yaml?name=db&chartVersion=16.7.27&apiVersion=kots.io/v1beta2'\n")
                .append("  curl -fsSLOJ '").append(base).append("/bundle.zip?chartVersion=17.1.0&scratchSize=4Gi'\n")
                .append("  curl -fsS -H 'Content-Type: application/json' -d '{\"chartVersion\":\"17.1.0\"}' ")
                .append(base).append("/api/manifests\n\n")
                .append("Bad input gets HTTP 400 and one 'parameter: problem' line per mistake.\n");
        return out.toString();
    }
}
