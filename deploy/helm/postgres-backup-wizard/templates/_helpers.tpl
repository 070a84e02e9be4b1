{{- define "wizard.labels" -}}
app.kubernetes.io/name: postgres-backup-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- define "wizard.selector" -}}
app.kubernetes.io/name: postgres-backup-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
