/**
 * What runs before any resource and bounds what one client can cost: pipelined requests, bodies (one deadline),
 * headers, refusals that close the connection, cache headers, the request line's encoding. Imports no other room of
 * the project (ArchitectureTest).
 */
package io.pgbackupwizard.web.guard;
