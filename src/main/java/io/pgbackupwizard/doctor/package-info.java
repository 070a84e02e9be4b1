/**
 * Checks a HelmChart a vendor already has: reads it safely (no tags, bounded aliases, nesting and documents), runs
 * the rules in {@code rules/} (each finding with a stable id, the YAML path and line, what breaks and the fix; the
 * findings bounded), reads back what the wizard can take from it and diffs against the wizard's file. Nothing from
 * the file is ever run. Imports {@code model} and {@code generate}, no web and no framework (ArchitectureTest).
 */
package io.pgbackupwizard.doctor;
