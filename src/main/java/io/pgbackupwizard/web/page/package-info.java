/**
 * The wizard's page: the form, its live-preview fragment and the view values its templates show. Answers curl on
 * {@code GET /} with the API's plain-text help; imports nothing of the doctor's front.
 */
package io.pgbackupwizard.web.page;
