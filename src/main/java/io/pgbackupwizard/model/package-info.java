/**
 * The wizard's input: every parameter defined once ({@code Field}), parsed and checked into a {@code WizardInput} or
 * one {@code FieldError} per bad parameter; presets, install paths, the dump format and its restore tool. What a
 * chart version implies comes from {@code chart}, the only room it imports; no framework (ArchitectureTest).
 */
package io.pgbackupwizard.model;
