/**
 * Velero's own objects as each installer wants them: the KOTS Backup, Embedded Cluster's Backup and Restore and its
 * Velero extension, the kURL add-on, the Helm CLI Schedule, and the labels that select the PostgreSQL pod. May use
 * {@code kots} (template functions, the backup storage options); never {@code helm} or {@code text}.
 */
package io.pgbackupwizard.generate.velero;
