package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.VeleroAnnotation;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * Every velero.io key any file of any install path writes is in the one table (model/VeleroAnnotation) that the page's
 * explanation switches over and the doctor knows, read from the generated files, not from the generator's code.
 */
class VeleroAnnotationTableTest {

    static final Pattern KEY = Pattern.compile("^\\s*([a-z.]*velero\\.io/[a-z-]+):", Pattern.MULTILINE);

    @ParameterizedTest
    @EnumSource(InstallPath.class)
    void everyVeleroKeyWrittenIsInTheTable(InstallPath path) {
        Map<String, String> files = Generated.with("installPath", path.value(), "restoreHook", "true").release().files();
        int seen = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            Matcher m = KEY.matcher(f.getValue());
            while (m.find()) {
                seen++;
                String key = m.group(1);
                assertTrue(VeleroAnnotation.byKey(key).isPresent(),
                        f.getKey() + " writes " + key + ", not in VeleroAnnotation");
            }
        }
        assertTrue(seen >= 10, path + ": the pod annotations were found in the files (" + seen + ")");
        assertTrue(ManifestView.BACKUP_COMMAND.equals(VeleroAnnotation.PRE_BACKUP_COMMAND.key())
                && ManifestView.RESTORE_COMMAND.equals(VeleroAnnotation.RESTORE_COMMAND.key()));
    }
}
