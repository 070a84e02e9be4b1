/**
 * The wizard's input: every parameter defined once ({@code Field}), parsed and checked into a {@code WizardInput} or
 * one {@code FieldError} per bad parameter; presets, install paths, chart versions and their values layout
 * ({@code ChartGeneration}), the dump format and its restore tool. Imports nothing else of the project and no
 * framework (ArchitectureTest).
 */
package io.pgbackupwizard.model;
