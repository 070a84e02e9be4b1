package io.pgbackupwizard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.pgbackupwizard.testsupport.TextFiles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The doctor in Debian's headless Chromium: paste the 2020 docs example as scraped (its pg_dump lost the host of -h),
 * press Check, see the findings, and follow "Open in the wizard" to a form prefilled from the file.
 */
@QuarkusTest
@Tag("slow")
class DoctorBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static ChromeDriver driver;
    static Path profile;

    @TestHTTPResource("/doctor")
    URL doctor;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are missing (apt-get install -y chromium chromium-driver); "
                        + "this test does not download browsers");
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("doctor-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void quit() {
        if (driver != null)
            driver.quit();
        driver = null;
    }

    @Test
    void pasteABrokenManifestSeeTheFindingsAndOpenItInTheWizard() throws IOException {
        WebDriverWait await = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        driver.get(doctor.toString());
        String seed = TextFiles.read(Path.of("src/test/resources/doctor/seed-2020-as-scraped.yaml"));
        WebElement textarea = driver.findElement(By.id("manifest"));
        textarea.sendKeys(seed);
        assertEquals(seed.strip(), textarea.getDomProperty("value").strip(), "the textarea holds the pasted file as is");
        driver.findElement(By.id("check")).click();

        WebElement finding = await.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-rule='CLIENT_OPTION_WITHOUT_VALUE']")));
        assertTrue(finding.getText().contains("breaks backup"), finding.getText());
        assertTrue(finding.getText().contains("pg_dump is given -h without a value"), finding.getText());
        assertTrue(finding.getText().contains("line 15"), finding.getText());
        String summary = driver.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("8 findings, 5 above warning"), summary);
        assertTrue(driver.findElement(By.id("diff")).getText().contains("+++ wizard"));
        // + and - lines are tinted apart from the context, and keep their marks
        Object tints = driver.executeScript("const bg = s => s && getComputedStyle(s).backgroundColor;"
                + "const d = document.getElementById('diff');"
                + "const add = d.querySelector('.diff-add'), del = d.querySelector('.diff-del'), ctx = d.querySelector('.diff-ctx');"
                + "return [add && add.textContent[0], del && del.textContent[0], bg(add), bg(del), bg(ctx)];");
        @SuppressWarnings("unchecked")
        java.util.List<String> t = (java.util.List<String>) tints;
        assertEquals("+", t.get(0), "an added line: " + t);
        assertEquals("-", t.get(1), "a removed line: " + t);
        assertTrue(!t.get(2).equals(t.get(4)) && !t.get(3).equals(t.get(4)) && !t.get(2).equals(t.get(3)),
                "added, removed and context lines are tinted apart: " + t);
        assertTrue(driver.findElement(By.id("manifest")).getDomProperty("value").contains("chartVersion: 8.7.4"),
                "the checked file stays in the textarea to edit");
        screenshot("doctor-findings.png");

        driver.findElement(By.id("open-in-wizard")).click();
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
        assertEquals("8.7.4", field("chartVersion"));
        assertEquals("kots.io/v1beta1", field("apiVersion"));
        assertEquals("Memory", field("scratchMedium"));
        assertEquals("3m", field("hookTimeout"));
        assertEquals("embedded_postgres_password", field("passwordOption"));
        assertEquals("kots", field("installPath"), "a kots.io HelmChart opens on the KOTS install path");
        assertEquals("plain", field("dumpFormat"), "the 2020 hook dumps plain SQL");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("backup-script"), "-h 127.0.0.1"));
    }

    /** At phone width the page is one column: nothing overflows sideways and it is not much taller than on a desk. */
    @Test
    void onAPhoneTheFindingsAreOneColumnAndFocused() throws IOException {
        WebDriverWait await = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        String seed = TextFiles.read(Path.of("src/test/resources/doctor/seed-2020-as-scraped.yaml"));
        long[] heights = new long[2];
        int[][] sizes = { { 1400, 900 }, { 390, 844 } };
        for (int i = 0; i < 2; i++) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(sizes[i][0], sizes[i][1]));
            driver.get(doctor.toString());
            Axe.assertNoViolations(driver, "the empty doctor at " + sizes[i][0] + " px");
            driver.executeScript("document.getElementById('manifest').value = arguments[0];", seed);
            driver.findElement(By.id("check")).click();
            await.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
            assertEquals("report", driver.executeScript("return document.activeElement.id;"), "focus moves to the findings");
            assertTrue((Boolean) driver.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                    "no horizontal overflow at " + sizes[i][0] + " px");
            heights[i] = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
            assertTrue(driver.findElement(By.id("open-in-wizard")).getDomAttribute("href").startsWith("/?"), "a relative link");
            Axe.assertNoViolations(driver, "the doctor's findings and diff at " + sizes[i][0] + " px");
            driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            Axe.assertNoViolations(driver, "the doctor's findings and diff at " + sizes[i][0] + " px, dark");
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        screenshot("doctor-phone.png");
        assertTrue(heights[1] <= 3 * heights[0], "phone height " + heights[1] + " px within 3x of the desk's " + heights[0]);
        long reportWidth = (Long) driver
                .executeScript("return Math.round(document.getElementById('report').getBoundingClientRect().width);");
        assertTrue(reportWidth > 300, "the findings column is as wide as the phone: " + reportWidth + " px");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    /** A form field's value, whether it is drawn as a text input, a select or radio buttons. */
    private static String field(String name) {
        // A text input or select: its value; radios: the checked one; checkboxes: the ticked ones, comma-separated.
        return (String) driver.executeScript("const all = Array.from(document.getElementsByName(arguments[0]));"
                + " if (all.some(e => e.type === 'checkbox')) return all.filter(e => e.type === 'checkbox' && e.checked)"
                + ".map(e => e.value).join(',');"
                + " for (const e of all) { if (e.type !== 'radio' || e.checked) return e.value; } return null;", name);
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(dir.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
