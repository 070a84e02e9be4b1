package io.pgbackupwizard.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.TextFiles;

/**
 * Stand-ins for pg_dump, psql and pg_isready that record the exact argv and PGPASSWORD they get (NUL-separated, in
 * $FAKE_LOG) and succeed; pg_dump writes a small file where -f points. With them the hooks run end to end for any
 * accepted input, without a database that knows that input's user.
 */
final class FakeClients {

    private static final String RECORD = "#!/bin/bash\n"
            + "printf '%s\\0' \"$@\" > \"$FAKE_LOG/$(basename \"$0\").argv\"\n"
            + "printf '%s' \"${PGPASSWORD-}\" > \"$FAKE_LOG/$(basename \"$0\").pgpassword\"\n";
    private static final String PG_DUMP = RECORD
            + "out=\nwhile [ $# -gt 0 ]; do if [ \"$1\" = -f ]; then out=$2; fi; shift; done\n"
            + "[ -n \"$out\" ] && printf -- '-- fake dump\\n' > \"$out\"\n";

    private final Path bin;

    private FakeClients(Path bin) {
        this.bin = bin;
    }

    static FakeClients install() {
        Path bin = BashRunner.newScratchDir();
        executable(bin.resolve("pg_dump"), PG_DUMP);
        // The restore waits until the final server answers listen_addresses = '*' (the image's first boot); a plain
        // backup first counts large objects (none here).
        executable(bin.resolve("psql"), RECORD
                + "for a in \"$@\"; do [ \"$a\" = 'show listen_addresses' ] && { echo '*'; exit 0; }; done\n"
                + "for a in \"$@\"; do case \"$a\" in *pg_largeobject_metadata*) echo 0; exit 0;; esac; done\n"
                + "exit 0\n");
        executable(bin.resolve("pg_isready"), "#!/bin/bash\nexit 0\n");
        return new FakeClients(bin);
    }

    /** A container environment whose PATH finds the fakes first; they log into {@code log}. */
    Map<String, String> env(Path log, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", log.toString());
        env.put("LANG", "C.UTF-8");
        env.put("FAKE_LOG", log.toString());
        env.put("POSTGRES_PASSWORD", password);
        return env;
    }

    /** The argv {@code tool} was called with, if it was called. */
    static Optional<List<String>> argv(Path log, String tool) {
        Path file = log.resolve(tool + ".argv");
        if (!Files.exists(file))
            return Optional.empty();
        String all = TextFiles.read(file);
        return Optional.of(all.isEmpty() ? List.of() : Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1)));
    }

    static String password(Path log, String tool) {
        return TextFiles.read(log.resolve(tool + ".pgpassword"));
    }

    /** The word after {@code option} in argv. */
    static String after(List<String> argv, String option) {
        int i = argv.indexOf(option);
        if (i < 0 || i + 1 >= argv.size())
            throw new AssertionError("no " + option + " in " + argv);
        return argv.get(i + 1);
    }

    private static void executable(Path file, String script) {
        try {
            Files.setPosixFilePermissions(TextFiles.write(file, script), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
