package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.testsupport.GeneratedDocTable;

/** docs/doctor-rules.md's table is the one the registered rules render, so the documentation cannot drift. */
class DoctorRulesDocTest {

    @Test
    void docTableEqualsTheRegisteredRules() {
        String rendered = RulesTable.markdown();
        GeneratedDocTable.assertCurrent(Path.of("docs/doctor-rules.md"), "rules", rendered,
                "mvn -o -q test -Dtest=DoctorRulesDocTest -Ddocs.write=true");
        assertEquals(Doctor.RULES.size() + 2, rendered.split("\n").length, "one row per rule");
    }
}
