/**
 * Thin Quarkus REST resources: the page and its live-preview fragment, downloads, the JSON API, the doctor, the
 * plain-text help, metrics tags, health, OpenAPI. They bind parameters, call the core and render; no rule of the
 * wizard lives here.
 */
package io.pgbackupwizard.web;
