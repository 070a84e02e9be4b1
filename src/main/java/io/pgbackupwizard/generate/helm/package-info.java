/** Helm CLI installs: the values for the vendor's chart with the Bitnami chart as its dependency. Imports {@code hooks}. */
package io.pgbackupwizard.generate.helm;
