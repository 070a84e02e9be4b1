package io.pgbackupwizard.model;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.testsupport.GeneratedDocTable;

/** docs/parameters.md's table is the one {@link Field} renders, so the documentation cannot drift from the code. */
class ParameterTableDocTest {

    @Test
    void readmeTableEqualsTheDefinitions() {
        GeneratedDocTable.assertCurrent(Path.of("docs/parameters.md"), "parameters", ParameterTable.markdown(),
                "mvn -o -q test -Dtest=ParameterTableDocTest -Ddocs.write=true");
    }
}
