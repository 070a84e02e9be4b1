/**
 * The ground floor: every fact about a PostgreSQL chart, per family and version range, declared once as data
 * ({@code FactsTable} rows of {@code ChartFacts}) and asked by name; chart versions and Kubernetes quantities.
 * Imports nothing of the project and no framework (ArchitectureTest); model, generate and doctor ask it and
 * compare no version numbers themselves.
 */
package io.pgbackupwizard.chart;
