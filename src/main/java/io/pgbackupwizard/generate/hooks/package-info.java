/**
 * The hooks: the backup and restore scripts with every value shell-quoted, their argv as Velero's JSON annotation
 * value, and what they add to the PostgreSQL pod's values (annotations, scratch volume) on every install path.
 * Imports {@code chart}, {@code model} and {@code yaml} only.
 */
package io.pgbackupwizard.generate.hooks;
