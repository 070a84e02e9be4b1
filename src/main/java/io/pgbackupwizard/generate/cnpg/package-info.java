/**
 * CloudNativePG: the database backs itself up with the Barman Cloud plugin (WAL and base backups to an object store),
 * so this room writes the cluster chart's values for that, the Config that asks for the object store, the operator's
 * setting that keeps the cluster out of Velero's copies, and the restore switch. No Velero hook is written for it.
 */
package io.pgbackupwizard.generate.cnpg;
