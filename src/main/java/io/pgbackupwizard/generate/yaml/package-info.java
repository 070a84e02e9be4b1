/**
 * YAML emitted from a model (SnakeYAML with the house's settings) and the map helpers that build the models. Imports nothing of
 * the project.
 */
package io.pgbackupwizard.generate.yaml;
