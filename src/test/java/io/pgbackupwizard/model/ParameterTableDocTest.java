package io.pgbackupwizard.model;

import io.pgbackupwizard.testsupport.GeneratedDocTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/parameters.md's table is the one {@link Field} renders, so the documentation cannot drift from the code. */
class ParameterTableDocTest {

    @Test
    void readmeTableEqualsTheDefinitions() {
        GeneratedDocTable.assertCurrent(Path.of("docs/parameters.md"), "parameters", ParameterTable.markdown(),
                "mvn -o -q test -Dtest=ParameterTableDocTest -Ddocs.write=true");
    }
}
