package io.pgbackupwizard.generate.migrate;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

/**
 * The migration chart: a small Helm chart of this team's whose one hook Job runs {@link CopyScript} in the new
 * chart's image, with both charts' superuser passwords from their own Secrets (never in the values). The vendor
 * packages it ({@code helm package pgbw-migration}) into the release beside its HelmChart; every input gets the same
 * chart, and {@link MigrationValues} says what to copy where.
 *
 * <p>
 * The Job is a hook: post-install and post-upgrade as its own release under KOTS (after both PostgreSQL charts by
 * weight), pre-upgrade as a dependency of the application's chart on the Helm CLI (before the application moves in the
 * same upgrade). Helm waits for it (up to --timeout) and fails the install or upgrade when it fails, so the
 * application never moves to an incomplete copy. before-hook-creation replaces the last Job on the next run (a Job's
 * pod template cannot change in place) and keeps the last one's logs until then.
 */
public final class MigrationChart {
    private MigrationChart() {
    }

    public static final String NAME = "pgbw-migration";
    /** Raise with any change to the chart's files: KOTS matches the HelmChart to the .tgz by name and version. */
    public static final String VERSION = "1.0.0";

    /** The folder the chart's files sit in, in the release zip; helm package makes the .tgz from it. */
    public static final String FOLDER = NAME + "/";

    /** Where the Job mounts the script. */
    public static final String SCRIPT_FILE = "files/copy.sh";

    /** The Job's name: the migration release's name (a dependency's: the release's and -migration) and this. */
    public static final String JOB_SUFFIX = "-copy";

    /** The script's ConfigMap: the same name and this. */
    public static final String SCRIPT_SUFFIX = "-script";

    /** The Service the application connects to during the move, made only after a copy that succeeded: this suffix. */
    public static final String GATE_SUFFIX = "-db";

    /** Chart.yaml. */
    public static Map<String, Object> chartYaml() {
        return map("apiVersion", "v2", "name", NAME, "version", VERSION, "appVersion", VERSION, "type", "application",
                "description", "A one-time copy of a PostgreSQL database from the Bitnami chart to the chart that"
                        + " replaces it, checked table by table (Postgres Backup Wizard).");
    }

    /** values.yaml: what a release must set is empty, and the template refuses to render without it. */
    public static Map<String, Object> defaultValues() {
        // host empty: the Service of the chart named in chart, a dependency of the same parent (Helm CLI); secret
        // empty: the Secret named like that Service
        Map<String, Object> login = map("chart", "", "host", "", "port", "5432", "database", "", "user", "postgres",
                "secret", "", "passwordKey", "");
        Map<String, Object> target = map("chart", "", "host", "", "port", "5432", "database", "", "user", "postgres",
                "secret", "", "passwordKey", "", "owner", "", "podLabels", Map.of(), "instanceLabel",
                "app.kubernetes.io/instance", "release", "");
        return map("image", map("registry", "docker.io", "repository", "postgres", "tag", "", "pullSecrets", List.of()),
                "imagePullSecrets", List.of(), "hook", "post-install,post-upgrade", "replace", false,
                "waitSeconds", 600, "source", login, "target", target);
    }

    /** files/copy.sh. */
    public static String script() {
        return CopyScript.script();
    }

    /**
     * templates/copy.yaml: the script's ConfigMap and the hook Job. A Helm template (Go text/template over YAML), so
     * written as the chart's source; ChartRenderTest renders it with real Helm and checks the Job it makes.
     */
    public static String template() {
        return TEMPLATE;
    }

    private static final String TEMPLATE = """
            {{- define "pgbw-migration.fullname" -}}
            {{- $name := ternary .release (printf "%s-%s" .release .chart) (contains .chart .release) -}}
            {{- $name | trunc 63 | trimSuffix "-" -}}
            {{- end }}
            {{- $s := .Values.source }}
            {{- $t := .Values.target }}
            {{- /* a host left empty is the Service of the chart named (a dependency of the same parent chart) */}}
            {{- $sourceHost := $s.host }}
            {{- if not $sourceHost }}
            {{- $sourceHost = include "pgbw-migration.fullname" (dict "release" .Release.Name "chart" (required "source.host or source.chart: the old chart's Service" $s.chart)) }}
            {{- end }}
            {{- $targetHost := $t.host }}
            {{- if not $targetHost }}
            {{- $targetHost = include "pgbw-migration.fullname" (dict "release" .Release.Name "chart" (required "target.host or target.chart: the new chart's Service" $t.chart)) }}
            {{- end }}
            {{- /* the new chart's PostgreSQL pod: its own labels and its release's (this release's when it is a dependency) */}}
            {{- $selector := merge (dict (required "target.instanceLabel" $t.instanceLabel) ($t.release | default .Release.Name)) (required "target.podLabels" $t.podLabels) }}
            {{- $labels := dict "app.kubernetes.io/name" .Chart.Name "app.kubernetes.io/instance" .Release.Name "app.kubernetes.io/managed-by" .Release.Service }}
            {{- /* its own release (KOTS): <release>; a dependency of the application's chart: <release>-migration */}}
            {{- $name := include "pgbw-migration.fullname" (dict "release" .Release.Name "chart" "migration") }}
            # a hook too, made just before the Job: a pre-upgrade Job runs before the release's other resources exist
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ $name }}SCRIPT_SUFFIX
              labels:
                {{- toYaml $labels | nindent 4 }}
              annotations:
                helm.sh/hook: {{ .Values.hook | quote }}
                helm.sh/hook-weight: "-1"
                helm.sh/hook-delete-policy: before-hook-creation
            data:
              copy.sh: |-
                {{- .Files.Get "SCRIPT_FILE" | nindent 4 }}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{ $name }}JOB_SUFFIX
              labels:
                {{- toYaml $labels | nindent 4 }}
              annotations:
                helm.sh/hook: {{ .Values.hook | quote }}
                helm.sh/hook-delete-policy: before-hook-creation
            spec:
              # a pod lost with its node is run again: the copy is one transaction, and a run that finds it done stops
              backoffLimit: 2
              template:
                metadata:
                  labels:
                    {{- toYaml $labels | nindent 8 }}
                spec:
                  restartPolicy: Never
                  {{- if .Values.imagePullSecrets }}
                  imagePullSecrets:
                    {{- toYaml .Values.imagePullSecrets | nindent 8 }}
                  {{- else if .Values.image.pullSecrets }}
                  imagePullSecrets:
                    {{- range .Values.image.pullSecrets }}
                    - name: {{ . | quote }}
                    {{- end }}
                  {{- end }}
                  securityContext:
                    runAsNonRoot: true
                    # the official image's postgres user
                    runAsUser: 999
                    runAsGroup: 999
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: copy
                      image: {{ printf "%s/%s:%s" .Values.image.registry .Values.image.repository (required "image.tag: the new chart's image tag" .Values.image.tag) | quote }}
                      command: ["bash", "/migration/copy.sh"]
                      env:
                        - name: SOURCE_HOST
                          value: {{ $sourceHost | quote }}
                        - name: SOURCE_PORT
                          value: {{ $s.port | toString | quote }}
                        - name: SOURCE_DB
                          value: {{ required "source.database" $s.database | quote }}
                        - name: SOURCE_USER
                          value: {{ $s.user | quote }}
                        - name: SOURCE_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: {{ $s.secret | default $sourceHost | quote }}
                              key: {{ required "source.passwordKey" $s.passwordKey | quote }}
                        - name: TARGET_HOST
                          value: {{ $targetHost | quote }}
                        - name: TARGET_PORT
                          value: {{ $t.port | toString | quote }}
                        - name: TARGET_DB
                          value: {{ required "target.database" $t.database | quote }}
                        - name: TARGET_USER
                          value: {{ $t.user | quote }}
                        - name: TARGET_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: {{ $t.secret | default $targetHost | quote }}
                              key: {{ required "target.passwordKey" $t.passwordKey | quote }}
                        - name: TARGET_OWNER
                          value: {{ $t.owner | quote }}
                        - name: REPLACE
                          value: {{ .Values.replace | toString | quote }}
                        - name: WAIT_SECONDS
                          value: {{ .Values.waitSeconds | toString | quote }}
                        # bash writes larger here-documents to a file
                        - name: TMPDIR
                          value: /tmp
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: ["ALL"]
                      resources:
                        requests:
                          cpu: 100m
                          memory: 128Mi
                      volumeMounts:
                        - name: script
                          mountPath: /migration
                          readOnly: true
                        - name: tmp
                          mountPath: /tmp
                  volumes:
                    - name: script
                      configMap:
                        name: {{ $name }}SCRIPT_SUFFIX
                    - name: tmp
                      emptyDir: {}
            ---
            # Made after the Job (a higher hook weight) and so only when the copy succeeded: the application connects
            # here during the move. KOTS goes on with the next charts after a failed one, so an application pointed at
            # the new chart's own Service would start on a database the copy never filled; this name does not resolve
            # until the copy is done. Headless: the name resolves to the new server's pod, as its own Service does.
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ $name }}GATE_SUFFIX
              labels:
                {{- toYaml $labels | nindent 4 }}
              annotations:
                helm.sh/hook: {{ .Values.hook | quote }}
                helm.sh/hook-weight: "1"
                helm.sh/hook-delete-policy: before-hook-creation
            spec:
              clusterIP: None
              selector:
                {{- toYaml $selector | nindent 4 }}
              ports:
                - name: postgresql
                  port: {{ $t.port | int }}
                  targetPort: {{ $t.port | int }}
            """
            .replace("GATE_SUFFIX", GATE_SUFFIX).replace("SCRIPT_FILE", SCRIPT_FILE).replace("JOB_SUFFIX", JOB_SUFFIX)
            .replace("SCRIPT_SUFFIX", SCRIPT_SUFFIX);
}
