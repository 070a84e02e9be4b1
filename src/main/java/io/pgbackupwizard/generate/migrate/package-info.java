/**
 * Moving a live install from one chart to another: the one-time copy of its database (the first piece of the
 * migration release; the releases around it are not generated yet).
 */
package io.pgbackupwizard.generate.migrate;
