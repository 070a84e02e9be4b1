/**
 * The pure generator: one {@code WizardInput} in, the release's files out (HelmChart, Config, Backup, Restore, Helm
 * values, Embedded Cluster config, texts), each file emitted as YAML from a model by SnakeYAML, never concatenated;
 * the hook scripts with every value shell-quoted; the explanations made from the same decisions. Imports only
 * {@code model}, no framework (ArchitectureTest).
 */
package io.pgbackupwizard.generate;
