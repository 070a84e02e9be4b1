/**
 * What the files say to people (README.txt, the Helm CLI README, the restore runbook, the install notes, the page's
 * explanation), made from the same decisions as the files: they ask the other rooms, never repeat them.
 */
package io.pgbackupwizard.generate.text;
