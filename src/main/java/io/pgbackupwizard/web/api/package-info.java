/**
 * What scripts call: the downloads, the JSON API, the plain-text help and the OpenAPI document's parameters. Imports neither
 * the page nor the doctor's front.
 */
package io.pgbackupwizard.web.api;
