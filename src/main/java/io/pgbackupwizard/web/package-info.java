/**
 * The Quarkus layer: thin resources that bind parameters, call the core through {@code WizardService} and render; no
 * rule of the wizard lives here. What the rooms share sits here (the service, the operator's configuration, parameter
 * reading, the public base URL, static assets, readiness, metric tags); the rooms: {@code page} (the form and its
 * live preview), {@code api} (downloads, JSON, the plain-text help, OpenAPI), {@code doctor} (the doctor's front) and
 * {@code guard} (connection and request bounds). This package knows none of its rooms (ArchitectureTest).
 */
package io.pgbackupwizard.web;
