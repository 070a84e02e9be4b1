/**
 * Replicated's KOTS objects: the HelmChart and its values (image, resources, snapshot labels, local registry), the
 * Config screen (with Embedded Cluster v3's backup storage group), the values for the vendor's application, and the
 * template functions they write. Imports {@code hooks} and {@code yaml}, never {@code velero}, {@code helm} or {@code text}.
 */
package io.pgbackupwizard.generate.kots;
