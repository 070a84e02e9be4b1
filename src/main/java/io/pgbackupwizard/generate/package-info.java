/**
 * The pure generator: one {@code WizardInput} in, the release's files out. Here the catalogue of files
 * ({@code ReleaseFile}, each with its builder), the {@code Release} of one input and its zip; the rooms below build
 * the files: {@code hooks} (scripts, annotations, scratch volume), {@code kots} (HelmChart, Config, their values),
 * {@code velero} (Backup, Restore, Schedule, installer add-ons), {@code helm} (Helm CLI values), {@code text} (what the
 * files say to people) and {@code yaml} (emitting from a model, never by concatenation). The rooms never import this
 * package; the generator imports only {@code chart} and {@code model}, no framework (ArchitectureTest).
 */
package io.pgbackupwizard.generate;
