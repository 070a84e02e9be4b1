package io.pgbackupwizard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

/** axe-core (the npm package, from its Maven webjar: nothing downloaded) at WCAG 2.1 A and AA, on the page as it is. */
final class Axe {
    private Axe() {
    }

    static void assertNoViolations(ChromeDriver driver, String state) throws IOException {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            try (var in = Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                assertNotNull(in, "axe-core is missing from the test classpath (org.webjars.npm:axe-core)");
                driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Object violations = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
        assertEquals(List.of(), violations, "axe-core violations with " + state);
    }
}
