/**
 * The doctor's front: the upload form, the HTML, JSON and text answers, and the diff's view. Imports neither the page nor the
 * API.
 */
package io.pgbackupwizard.web.doctor;
