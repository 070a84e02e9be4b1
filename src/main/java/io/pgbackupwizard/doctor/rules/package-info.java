/** The doctor's rules, one pitfall family per class, registered in {@code Doctor.RULES}. */
package io.pgbackupwizard.doctor.rules;
