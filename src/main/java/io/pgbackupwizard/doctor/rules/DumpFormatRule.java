package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.doctor.ShellScript;

/**
 * The restore must read the dump in the format the backup wrote: psql runs plain SQL only, pg_restore reads only the
 * archive formats (-Fc custom, -Ft tar, -Fd directory). The wizard offers both (dumpFormat), so files mix them up.
 */
public final class DumpFormatRule implements Rule {

    @Override
    public String checks() {
        return "The restore reads the format the backup wrote: psql for plain SQL, pg_restore for archives.";
    }

    @Override
    public List<String> findings() {
        return List.of("DUMP_FORMAT_MISMATCH");
    }

    @Override
    public void check(Manifest m, Findings out) {
        Optional<HookCommand> backup = HookCommand.of(m, HookCommand.BACKUP);
        Optional<HookCommand> restore = HookCommand.of(m, HookCommand.RESTORE);
        if (backup.isEmpty() || restore.isEmpty())
            return;
        Optional<Boolean> archive = archive(backup.get());
        if (archive.isEmpty())
            return;
        List<String> tools = restore.get().commands().stream().map(ShellScript.Command::name).toList();
        boolean psql = tools.contains("psql");
        boolean pgRestore = tools.contains("pg_restore");
        if (archive.get() && psql && !pgRestore) {
            out.add("DUMP_FORMAT_MISMATCH", Severity.BREAKS_RESTORE, restore.get().at(),
                    "The backup hook writes an archive-format dump (pg_dump -F c/t/d) and the restore hook feeds it to psql, "
                            + "which reads only plain SQL: psql fails on the first bytes and nothing is restored.",
                    "Restore with pg_restore --clean --if-exists --single-transaction --exit-on-error -d <database> <dump file>, "
                            + "or dump plain SQL (no -F).");
        } else if (!archive.get() && pgRestore && !psql) {
            out.add("DUMP_FORMAT_MISMATCH", Severity.BREAKS_RESTORE, restore.get().at(),
                    "The backup hook writes a plain-SQL dump and the restore hook gives it to pg_restore, which fails with "
                            + "\"input file appears to be a text format dump. Please use psql.\"",
                    "Restore with psql -X -v ON_ERROR_STOP=1 --single-transaction -f <dump file>, or dump with pg_dump -Fc.");
        }
    }

    /** Whether the hook's pg_dump writes an archive format (true) or plain SQL (false); empty without pg_dump. */
    public static Optional<Boolean> archive(HookCommand backup) {
        for (ShellScript.Command c : backup.commands()) {
            if (!c.name().equals("pg_dump"))
                continue;
            List<String> w = c.words();
            String format = "p";
            for (int i = 1; i < w.size(); i++) {
                String a = w.get(i);
                if ((a.equals("-F") || a.equals("--format")) && i + 1 < w.size())
                    format = w.get(i + 1);
                else if (a.startsWith("--format="))
                    format = a.substring("--format=".length());
                else if (a.startsWith("-F") && a.length() > 2)
                    format = a.substring(2);
            }
            return Optional.of(!format.isEmpty() && "ctd".indexOf(Character.toLowerCase(format.charAt(0))) >= 0);
        }
        return Optional.empty();
    }
}
