package io.pgbackupwizard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.pgbackupwizard.testsupport.ManifestView;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The wizard page in a real (headless) Chromium: live preview without reloads, inline errors tied to their
 * inputs, shareable links, the download, keyboard-only use, copy buttons, narrow windows, and the form
 * without JavaScript. Uses Debian's chromium and chromedriver; Selenium Manager never runs.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
@QuarkusTest
class WizardPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration POLL = Duration.ofMillis(100);
    /**
     * Selenium 4.27 bundles no DevTools bindings for this Chromium and warns so on every start; the test only uses
     * chromedriver's own CDP pass-through (screenshots), which needs none. Strong references keep the levels.
     */
    static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static ChromeDriver driver;
    static ChromeDriver noJsDriver;
    static final List<Path> tempDirs = new ArrayList<>();
    static Path downloads;

    @TestHTTPResource("/")
    URL url;

    WebDriverWait await;

    @BeforeAll
    static void startBrowsers() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's chromium "
                + "(apt-get install -y chromium chromium-driver); this test does not download browsers");
        assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: install Debian's chromium-driver "
                + "(apt-get install -y chromium chromium-driver); this test does not download drivers");
        System.setProperty("SE_AVOID_STATS", "true");
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
        // Selenium Manager runs only when no driver executable is known; both of these name it.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        downloads = tempDir("wizard-downloads");
        driver = start(false);
        noJsDriver = start(true);
    }

    @AfterAll
    static void quitBrowsers() {
        for (WebDriver d : new WebDriver[] { driver, noJsDriver }) {
            if (d == null)
                continue;
            try {
                d.quit();
            } catch (RuntimeException e) {
                System.err.println("could not quit the browser: " + e);
            }
        }
        driver = null;
        noJsDriver = null;
        for (Path dir : tempDirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temp dir left behind is harmless
            }
        }
    }

    private static ChromeDriver start(boolean javascriptDisabled) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + tempDir("wizard-chromium-profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("download.directory_upgrade", true);
        if (javascriptDisabled) {
            options.addArguments("--blink-settings=scriptEnabled=false");
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Path tempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        tempDirs.add(dir);
        return dir;
    }

    @BeforeEach
    void resetWindow() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        await = new WebDriverWait(driver, WAIT, POLL);
        // The live preview replaces elements while a wait reads them (seen on a loaded machine): read again.
        await.ignoring(StaleElementReferenceException.class);
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void livePreviewFollowsTheFormWithoutReloading() throws IOException {
        open("");
        assertTrue(text("helmchart-yaml").contains("primary:"), "chart 17.1.0 (the default) calls the pod primary");
        assertFalse(text("helmchart-yaml").contains("master:"));
        js("window.__wizardMarker = 'still the same page';");

        type("chartVersion", "8.7.4");
        type("username", "app_owner");
        new Select(driver.findElement(By.id("scratchMedium"))).selectByValue("Memory");

        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "master:"));
        await.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "postgresqlUsername: app_owner"));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("backup-script"), "-U app_owner"));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "medium: Memory"));
        await.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("warnings"), "No free image exists for chart 8.7.4"));
        assertFalse(text("helmchart-yaml").contains("primary:"));
        assertEquals("still the same page", js("return window.__wizardMarker;"), "the preview must not reload the page");

        await.until(ExpectedConditions.urlContains("chartVersion=8.7.4"));
        await.until(ExpectedConditions.urlContains("username=app_owner"));
        await.until(ExpectedConditions.urlContains("scratchMedium=Memory"));
        assertTrue(driver.getCurrentUrl().startsWith(url.toString()), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("share-link")).getText().contains("chartVersion=8.7.4"));
        assertEquals(driver.getCurrentUrl(), driver.findElement(By.id("share-link")).getAttribute("href"),
                "the address bar and the shareable link are the same page");

        screenshot(driver, "wizard-filled.png");
    }

    /**
     * Another chart family from the form: the preview follows (its chart, its keys at the top of the values, its
     * container), the version field offers each family's versions by name, and the fields the family makes pointless
     * are switched off with the reason.
     */
    @Test
    void choosingTheChartFamilyRewritesTheRelease() {
        open("");
        new Select(driver.findElement(By.id("chartFamily"))).selectByValue("cloudpirates");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "name: postgres\n"));
        String helmChart = text("helmchart-yaml");
        assertTrue(helmChart.contains("chartVersion: 0.20.1"), helmChart);
        assertTrue(helmChart.contains("pre.hook.backup.velero.io/container: postgres\n"), helmChart);
        assertFalse(helmChart.contains("primary:"), "CloudPirates reads the pod's keys at the top of its values");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("backup-script"), "${PGPORT:-5432}"));
        await.until(ExpectedConditions.urlContains("chartFamily=cloudpirates"));
        assertEquals(List.of("0.20.1", "0.16.2"), driver.findElements(By.cssSelector("#chartVersion-known option")).stream()
                .map(o -> o.getAttribute("value")).toList(), "the suggestions are the chosen family's versions");

        // Fields the family makes pointless are switched off with the reason, and back on with another family.
        driver.findElement(By.id("advanced-toggle")).click();
        assertFalse(driver.findElement(By.id("hookUser")).isEnabled(), "one superuser: nothing to choose");
        assertTrue(accessibleDescription("hookUser").contains("its image has one superuser"),
                accessibleDescription("hookUser"));
        assertTrue(driver.findElement(By.id("mountPath")).isEnabled());
        new Select(driver.findElement(By.id("chartFamily"))).selectByValue("groundhog2k");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "userDatabase:"));
        assertTrue(driver.findElement(By.id("hookUser")).isEnabled(), "groundhog2k has a superuser beside the user");
        for (String id : List.of("mountPath", "scratchSize", "scratchMedium")) {
            assertFalse(driver.findElement(By.id(id)).isEnabled(), id);
            assertTrue(accessibleDescription(id).contains("takes no extra volumes"), accessibleDescription(id));
        }
        assertTrue(text("helmchart-yaml").contains("backup.velero.io/backup-volumes: tmp"), text("helmchart-yaml"));

        // Reset to Bitnami: the fields come back on, the suggestions are Bitnami's again.
        driver.findElement(By.id("chartFamily-reset")).click();
        await.until(ExpectedConditions.elementToBeClickable(By.id("mountPath")));
        assertTrue(driver.findElement(By.id("hookUser")).isEnabled());
        assertTrue(driver.findElements(By.cssSelector("#chartVersion-known option")).stream()
                .anyMatch(o -> "17.1.0".equals(o.getAttribute("value"))));
    }

    /**
     * CloudNativePG from the form: the preview becomes the cluster chart backed up by its operator, the hook sections
     * give way to a note saying why, the operator's values file gets its tab, and every hook field is switched off
     * with the reason.
     */
    @Test
    void choosingCloudNativePgShowsTheOperatorsBackupsAndNoHooks() {
        open("");
        new Select(driver.findElement(By.id("chartFamily"))).selectByValue("cloudnativepg");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "name: cluster\n"));
        String helmChart = text("helmchart-yaml");
        assertTrue(helmChart.contains("method: plugin"), helmChart);
        assertFalse(helmChart.contains("hook.backup.velero.io"), helmChart);
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("no-hooks")));
        assertTrue(driver.findElements(By.id("backup-script")).isEmpty(), "no hook script to show");
        assertTrue(driver.findElement(By.id("no-hooks")).getText().contains("backs itself up"));
        assertFalse(driver.findElements(By.id("tab-cnpg-operator-values-yaml")).isEmpty(), "the operator's values tab");
        driver.findElement(By.id("advanced-toggle")).click();
        for (String id : List.of("hookTimeout", "scratchSize", "restoreWaitTimeout", "passwordOption")) {
            assertFalse(driver.findElement(By.id(id)).isEnabled(), id);
            assertTrue(accessibleDescription(id).contains("No effect with CloudNativePG"), accessibleDescription(id));
        }
        assertTrue(driver.findElements(By.cssSelector("input[name=restoreHook]")).stream().noneMatch(WebElement::isEnabled),
                "the restore hook's choices");
        driver.findElement(By.id("chartFamily-reset")).click();
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("backup-script")));
        assertTrue(driver.findElement(By.id("hookTimeout")).isEnabled());
    }

    /**
     * Your own StatefulSet from the form: the main file is the patch (no HelmChart), the hook scripts stay, the
     * container and data volume fields come on, and the chart's fields go off with the reason.
     */
    @Test
    void choosingYourOwnStatefulSetShowsThePatch() {
        open("");
        assertFalse(driver.findElement(By.id("containerName")).isEnabled(), "a chart names its own container");
        new Select(driver.findElement(By.id("chartFamily"))).selectByValue("statefulset");
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("statefulset-patch-yaml")));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statefulset-patch-yaml"), "kind: StatefulSet"));
        assertTrue(driver.findElements(By.id("helmchart-yaml")).isEmpty(), "no HelmChart for your own StatefulSet");
        assertFalse(driver.findElements(By.id("backup-script")).isEmpty(), "the hooks are still shown");
        assertTrue(driver.findElement(By.id("containerName")).isEnabled());
        assertTrue(driver.findElement(By.id("dataVolume")).isEnabled());
        driver.findElement(By.id("advanced-toggle")).click();
        assertFalse(driver.findElement(By.id("imageTag")).isEnabled());
        assertTrue(accessibleDescription("imageTag").contains("your own StatefulSet"), accessibleDescription("imageTag"));
        type("containerName", "db");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statefulset-patch-yaml"), "name: db"));
        assertTrue(driver.findElement(By.id("download-main")).getAttribute("href").contains("/statefulset-patch.yaml?"));
    }

    @Test
    void badValueShowsAnInlineErrorTiedToItsInputUntilFixed() throws IOException {
        open("?chartVersion=16.7.27");
        WebElement hookTimeout = driver.findElement(By.id("hookTimeout"));
        assertNull(hookTimeout.getAttribute("aria-invalid"));
        assertFalse(driver.findElement(By.id("hookTimeout-error")).isDisplayed());

        type("hookTimeout", "300");
        WebElement error = await.until(ExpectedConditions.visibilityOfElementLocated(By.id("hookTimeout-error")));
        assertTrue(error.getText().contains("Go duration"), error.getText());
        hookTimeout = driver.findElement(By.id("hookTimeout"));
        assertEquals("true", hookTimeout.getAttribute("aria-invalid"));
        assertTrue(List.of(hookTimeout.getAttribute("aria-describedby").split("\\s+")).contains("hookTimeout-error"),
                hookTimeout.getAttribute("aria-describedby"));
        assertEquals("hookTimeout", driver.findElement(By.cssSelector("[data-field=hookTimeout]")).getAttribute("data-field"));
        assertTrue(driver.findElement(By.cssSelector("[data-field=hookTimeout]")).getAttribute("class").contains("invalid"));
        // The screen reader hears the error as part of the input's description.
        assertTrue(accessibleDescription("hookTimeout").contains("Go duration"), accessibleDescription("hookTimeout"));
        screenshot(driver, "wizard-error.png");
        // The last good files stay, marked as not the form's; the address still follows the form.
        await.until(d -> "invalid".equals(freshnessState()));
        assertTrue(driver.findElement(By.id("results")).getAttribute("class").contains("stale"));
        await.until(ExpectedConditions.urlContains("hookTimeout=300"));

        // The summary's link takes the keyboard to the field.
        WebElement summary = driver.findElement(By.id("error-summary"));
        assertTrue(summary.isDisplayed());
        WebElement link = summary.findElement(By.cssSelector("a[href='#hookTimeout']"));
        assertTrue(link.getText().contains("Backup hook timeout"),
                "the summary names the field by its label: " + link.getText());
        link.click();
        await.until(d -> "hookTimeout".equals(activeId(d)));

        type("hookTimeout", "90s");
        await.until(ExpectedConditions.invisibilityOfElementLocated(By.id("hookTimeout-error")));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"),
                "pre.hook.backup.velero.io/timeout: 90s"));
        assertNull(driver.findElement(By.id("hookTimeout")).getAttribute("aria-invalid"));
        assertFalse(driver.findElement(By.id("error-summary")).isDisplayed());
        assertEquals("", driver.findElement(By.id("hookTimeout-error")).getAttribute("textContent"));
        await.until(ExpectedConditions.urlContains("hookTimeout=90s"));
    }

    /**
     * Calm validation: typing "45m" key by key shows no error on the way ("4", "45"); a value left invalid shows its
     * error only after a pause of about a second, or at once when the user leaves the field. Timed in the page
     * (performance.now()), so a slow machine can delay the answer but not fake an early error.
     */
    @Test
    void aNewErrorWaitsWhileTheUserTypesAndShowsOnAPauseOrOnLeaving() throws InterruptedException {
        open("");
        js("window.pgbw = { lastInput: 0, blur: 0, shown: [] };"
                + "document.getElementById('wizard').addEventListener('input', function () { pgbw.lastInput = performance.now(); }, true);"
                + "document.getElementById('hookTimeout').addEventListener('blur', function () { pgbw.blur = performance.now(); });"
                + "const e = document.getElementById('hookTimeout-error');"
                + "new MutationObserver(function () { if (!e.hidden) pgbw.shown.push([performance.now(), pgbw.lastInput]); })"
                + ".observe(e, { attributes: true, childList: true, characterData: true, subtree: true });");
        WebElement timeout = driver.findElement(By.id("hookTimeout"));
        timeout.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        for (String key : List.of("4", "5", "m")) {
            timeout.sendKeys(key);
            Thread.sleep(300); // slower than the preview's 250 ms: each prefix is sent and judged
        }
        await.until(d -> "current".equals(freshnessState()));
        assertTrue(text("helmchart-yaml").contains("pre.hook.backup.velero.io/timeout: 45m"));
        assertEquals(0L, ((Number) js("return pgbw.shown.length;")).longValue(),
                "no error shown for 4 or 45 on the way to 45m");

        timeout.sendKeys(Keys.BACK_SPACE); // "45": invalid, and the user stops typing
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("hookTimeout-error")));
        double waited = ((Number) js("return pgbw.shown[0][0] - pgbw.shown[0][1];")).doubleValue();
        assertTrue(waited >= 950, "the error waited for a pause, not " + waited + " ms");
        assertTrue(text("hookTimeout-error").contains("45m"),
                "it suggests the nearest valid value: " + text("hookTimeout-error"));

        type("hookTimeout", "45m");
        await.until(ExpectedConditions.invisibilityOfElementLocated(By.id("hookTimeout-error")));
        js("pgbw.shown = [];");
        timeout.sendKeys(Keys.BACK_SPACE);
        await.until(d -> "invalid".equals(freshnessState())); // judged, and held while the user is in the field
        timeout.sendKeys(Keys.TAB);
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("hookTimeout-error")));
        double afterBlur = ((Number) js("return pgbw.shown[0][0] - pgbw.blur;")).doubleValue();
        assertTrue(afterBlur < 300, "leaving the field shows its error at once, not " + afterBlur + " ms later");
    }

    /** Ticking a second install path adds its files: one release, one zip named for both, the link holding both. */
    @Test
    void tickingSeveralInstallPathsMakesOneReleaseForAll() {
        driver.get(url + "?installPath=helm");
        await.until(d -> Boolean.TRUE.equals(js("return document.documentElement.classList.contains('js');")));
        // On a Helm CLI release the HelmChart's own fields do nothing: switched off, with the reason beside them.
        assertFalse(driver.findElement(By.id("apiVersion")).isEnabled());
        assertTrue(driver.findElement(By.id("apiVersion-inert")).isDisplayed());
        assertTrue(accessibleDescription("apiVersion").contains("No effect on a Helm CLI release"),
                accessibleDescription("apiVersion"));
        assertTrue(driver.findElement(By.id("username")).isEnabled(), "the hooks' user matters everywhere");
        driver.findElement(By.cssSelector("input[type=checkbox][name=installPath][value=embedded-v3]")).click();
        await.until(d -> d.findElement(By.id("apiVersion")).isEnabled());
        assertFalse(driver.findElement(By.id("apiVersion-inert")).isDisplayed());
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("download-bundle"),
                "postgresql-embedded-v3+helm-release.zip"));
        await.until(d -> "current".equals(freshnessState()));
        List<String> tabs = driver.findElements(By.cssSelector("[role=tab]")).stream().map(WebElement::getText).toList();
        assertTrue(tabs.containsAll(List.of("postgresql-helmchart.yaml", "config.yaml", "embedded-cluster-config.yaml",
                "restore-runbook.md", "backup-values.yaml", "backup-readme.md", "README.txt")), "tabs: " + tabs);
        assertEquals("postgresql-helmchart.yaml", tabs.get(0), "the HelmChart first: what the release is named for");
        await.until(d -> d.getCurrentUrl().contains("installPath=embedded-v3%2Chelm"));
        assertTrue(text("install-path-embedded-v3").contains("Embedded Cluster v3")
                && text("install-path-helm").contains("Helm CLI"));

        // Nothing ticked is a mistake the page names, not a silent default.
        driver.findElement(By.cssSelector("input[type=checkbox][name=installPath][value=embedded-v3]")).click();
        driver.findElement(By.cssSelector("input[type=checkbox][name=installPath][value=helm]")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("installPath-error")));
        assertTrue(text("installPath-error").contains("must not be empty"), text("installPath-error"));
    }

    @Test
    void leadingAndTrailingSpacesAreTrimmed() {
        open("");
        type("username", "  orders ");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "-U orders "));
        await.until(d -> "current".equals(freshnessState()));
        assertFalse(driver.findElement(By.id("username-error")).isDisplayed());
        await.until(d -> d.getCurrentUrl().matches(".*[?&]username=orders(&.*)?")); // the shared link holds the trimmed value
    }

    @Test
    void submittingBadInputMovesFocusToTheErrorSummary() {
        open("");
        type("scratchSize", "0");
        driver.findElement(By.id("scratchSize")).sendKeys(Keys.ENTER);
        await.until(d -> "error-summary".equals(activeId(d)));
        assertTrue(driver.findElement(By.id("scratchSize-error")).getText().contains("greater than zero"));
        driver.switchTo().activeElement().findElement(By.cssSelector("a[href='#scratchSize']")).sendKeys(Keys.ENTER);
        await.until(d -> "scratchSize".equals(activeId(d)));
    }

    @Test
    void shareableLinkRestoresTheFormInANewTab() {
        open("");
        type("chartVersion", "16.7.27");
        type("username", "app_owner");
        new Select(driver.findElement(By.id("scratchMedium"))).selectByValue("Memory");
        driver.findElement(By.cssSelector("input[name=restoreHook][value=false]")).click();
        await.until(ExpectedConditions.urlContains("restoreHook=false"));
        await.until(ExpectedConditions.urlContains("scratchMedium=Memory"));
        String shared = driver.getCurrentUrl();
        String original = driver.getWindowHandle();

        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(shared);
            assertEquals("16.7.27", driver.findElement(By.id("chartVersion")).getAttribute("value"));
            assertEquals("app_owner", driver.findElement(By.id("username")).getAttribute("value"));
            assertEquals("Memory", new Select(driver.findElement(By.id("scratchMedium"))).getFirstSelectedOption()
                    .getAttribute("value"));
            assertTrue(driver.findElement(By.cssSelector("input[name=restoreHook][value=false]")).isSelected());
            assertEquals("dbname", driver.findElement(By.id("database")).getAttribute("value"), "defaults stay defaults");
            assertTrue(text("helmchart-yaml").contains("username: app_owner"));
            assertTrue(driver.findElements(By.id("restore-script")).isEmpty(), "restore hook is off");
        } finally {
            driver.close();
            driver.switchTo().window(original);
        }
    }

    @Test
    void downloadedManifestIsTheFormsHelmChart() throws IOException {
        open("?chartVersion=16.7.27&username=app_owner");
        try (Stream<Path> old = Files.list(downloads)) {
            old.forEach(p -> p.toFile().delete());
        }
        WebElement link = driver.findElement(By.id("download-main"));
        assertTrue(link.getAttribute("href").contains("chartVersion=16.7.27"), link.getAttribute("href"));
        link.click();

        Path file = downloads.resolve("postgresql-helmchart.yaml");
        new FluentWait<>(file).withTimeout(WAIT).pollingEvery(POLL)
                .withMessage(() -> "no download in " + downloads + ": " + list(downloads))
                .until(f -> Files.isRegularFile(f) && list(downloads).stream().noneMatch(n -> n.endsWith(".crdownload")));
        Map<String, Object> helmChart = ManifestView.load(Files.readString(file));
        assertEquals("HelmChart", helmChart.get("kind"));
        assertEquals("16.7.27", String.valueOf(ManifestView.valueAt(helmChart, "spec", "chart", "chartVersion")));
        assertEquals("app_owner",
                ManifestView.valueAt(helmChart, "spec", "values", "global", "postgresql", "auth", "username"));
        assertNotNull(ManifestView.valueAt(helmChart, "spec", "values", "primary", "podAnnotations"));
        assertEquals(text("helmchart-yaml").stripTrailing(), Files.readString(file).stripTrailing(),
                "the preview shows exactly what is downloaded");
        assertEquals(url.toString() + "?chartVersion=16.7.27&username=app_owner&installPath=kots", driver.getCurrentUrl(),
                "downloading does not navigate away");
    }

    @Test
    void keyboardOnly() {
        open("");
        // The install path is the first control; the presets follow the form (they add to it).
        List<String> expected = new ArrayList<>(List.of("skip-link"));
        // One checkbox per install path (a release may serve several), then the field's reset.
        for (int i = 0; i < io.pgbackupwizard.model.InstallPath.values().length; i++)
            expected.add("installPath");
        expected.addAll(List.of("installPath-reset", "name", "chartFamily", "chartVersion", "apiVersion", "allowExternal",
                "username", "database", "scratchSize", "scratchMedium", "hookTimeout", "dumpFormat", "restoreHook",
                "advanced-toggle", "generate"));
        io.pgbackupwizard.model.Preset.ALL.forEach(p -> {
            expected.add("preset-" + p.name());
            if (p.warning() != null)
                expected.add("preset-" + p.name() + "-why");
        });
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            focused.add((String) js("const e = document.activeElement; return e.name || e.id;"));
            String outline = (String) js("return getComputedStyle(document.activeElement).outlineStyle;");
            assertFalse("none".equals(outline), "no visible focus on " + focused.get(i));
        }
        assertEquals(expected, focused, "Tab walks the form in order");

        js("window.__submitted = false; document.getElementById('wizard')"
                + ".addEventListener('submit', () => { window.__submitted = true; });");
        js("document.getElementById('generate').focus();"); // the presets come after it in the Tab order
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        await.until(d -> Boolean.TRUE.equals(js("return window.__submitted;")));
        await.until(d -> "results".equals(activeId(d))); // Generate visibly takes the keyboard to the files

        // Arrow keys choose within a radio group, and the preview follows.
        driver.findElement(By.cssSelector("input[name=allowExternal][value=true]")).sendKeys(Keys.ARROW_DOWN);
        await.until(ExpectedConditions.urlContains("allowExternal=false"));
        await.until(d -> !text("helmchart-yaml").contains("exclude:"));

        // The skip link jumps over the form: the next Tab lands on the first download.
        driver.findElement(By.id("skip-link")).sendKeys(Keys.ENTER);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        await.until(d -> "download-bundle".equals(activeId(d))); // the release first: the zip of every file
    }

    @Test
    void copyButtonsCopyWhatTheySay() {
        open("?chartVersion=16.7.27");
        // Every copy button has something to copy and a name that says what (seven "Copy" buttons are otherwise alike).
        List<WebElement> buttons = driver.findElements(By.cssSelector("#results button.copy"));
        assertEquals(11, buttons.size(), "link, curl, the four scripts and annotations, the five files");
        for (WebElement b : buttons) {
            String target = b.getAttribute("data-copy-target");
            String what = target == null ? b.getAttribute("data-copy-text") : text(target);
            assertFalse(what == null || what.isBlank(), "nothing to copy for " + b.getAttribute("outerHTML"));
            String name = Optional.ofNullable(b.getAttribute("aria-label")).orElse(b.getText());
            assertTrue(name.startsWith("Copy") && (target == null || name.length() > "Copy ".length()),
                    "unclear name: " + name);
        }
        String backupScript = text("backup-script");
        assertEquals(backupScript, copyAndPaste(By.cssSelector("[data-copy-target=backup-script]")));
        assertEquals(text("helmchart-yaml").stripTrailing(),
                copyAndPaste(By.cssSelector("[data-copy-target=helmchart-yaml]")).stripTrailing());
        // The service's own address (WIZARD_BASE_URL, or the one the connection arrived on; never the Host header).
        String shown = driver.findElement(By.id("share-link")).getText();
        String base = shown.substring(0, shown.indexOf("/?") + 1);
        assertTrue(base.startsWith("http://") && base.endsWith(":" + url.getPort() + "/"), shown);
        assertEquals(base + "?chartVersion=16.7.27&installPath=kots", copyAndPaste(By.id("copy-link")));
        String curl = copyAndPaste(By.id("copy-curl"));
        assertEquals("curl --fail-with-body -sSL -o postgresql-helmchart.yaml '" + base
                + "helmchart.yaml?chartVersion=16.7.27&installPath=kots'", curl);
        await.until(ExpectedConditions.textToBe(By.id("copy-curl"), "Copy curl command"));

        // Plain-HTTP hosts have no navigator.clipboard: the fallback copies too, and the keyboard stays on the button.
        js("Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });");
        WebElement copyScript = driver.findElement(By.cssSelector("[data-copy-target=backup-script]"));
        copyScript.sendKeys(Keys.ENTER);
        await.until(ExpectedConditions.textToBePresentInElement(copyScript, "Copied"));
        assertEquals("Copy the backup script", driver.switchTo().activeElement().getAttribute("aria-label"));
        assertEquals(backupScript, paste());
    }

    @Test
    void narrowWindowHasNoSidewaysScroll() throws IOException {
        open("?chartVersion=16.7.27&username=app_owner&scratchMedium=Memory");
        driver.manage().window().setSize(new Dimension(420, 900));
        await.until(d -> ((Number) js("return window.innerWidth;")).intValue() <= 440);
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth;");
        Number clientWidth = (Number) js("return document.documentElement.clientWidth;");
        assertTrue(scrollWidth.intValue() <= clientWidth.intValue(),
                "the page scrolls sideways at " + clientWidth + "px: " + scrollWidth + "px wide; too wide: "
                        + js("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                                + "document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');"));
        screenshot(driver, "wizard-narrow.png");
    }

    @Test
    void formWorksWithoutJavaScript() {
        WebDriverWait noJsWait = new WebDriverWait(noJsDriver, WAIT, POLL);
        noJsDriver.get(url + "?installPath=kots");
        noJsWait.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
        assertFalse(noJsDriver.findElement(By.tagName("html")).getAttribute("class").contains("js"),
                "wizard.js must not have run");
        WebElement chartVersion = noJsDriver.findElement(By.id("chartVersion"));
        chartVersion.clear();
        chartVersion.sendKeys("16.7.27");
        WebElement username = noJsDriver.findElement(By.id("username"));
        username.clear();
        username.sendKeys("app_owner");
        noJsDriver.findElement(By.id("generate")).click();
        noJsWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "primary:"));
        assertTrue(noJsDriver.findElement(By.id("helmchart-yaml")).getText().contains("username: app_owner"));
        assertEquals("16.7.27", noJsDriver.findElement(By.id("chartVersion")).getAttribute("value"));
        assertTrue(noJsDriver.findElement(By.id("share-link")).getText().contains("chartVersion=16.7.27&username=app_owner"));

        // A bad value: the server answers with the message beside the field, and the keyboard lands on the summary.
        WebElement hookTimeout = noJsDriver.findElement(By.id("hookTimeout"));
        hookTimeout.clear();
        hookTimeout.sendKeys("300", Keys.ENTER);
        noJsWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hookTimeout-error")));
        assertTrue(noJsDriver.findElement(By.id("hookTimeout-error")).getText().contains("Go duration"));
        assertEquals("true", noJsDriver.findElement(By.id("hookTimeout")).getAttribute("aria-invalid"));
        assertEquals("16.7.27", noJsDriver.findElement(By.id("chartVersion")).getAttribute("value"),
                "the form keeps its values");
        assertEquals("error-summary", noJsDriver.switchTo().activeElement().getAttribute("id"));
    }

    // ---- a page that never misleads ---------------------------------------------------------------

    @Test
    void aProxyErrorPageIsReportedAndTheStaleDownloadsAreSwitchedOff() throws IOException {
        open("?chartVersion=17.1.0");
        assertEquals("current", freshnessState());
        pointLivePreviewAt("/test-only/proxy-error");
        type("username", "app_owner");
        await.until(d -> "failed".equals(freshnessState()));
        String said = text("freshness");
        assertTrue(said.contains("HTTP 502") && said.contains("earlier values"), said);
        assertStale("username: username");
        screenshot(driver, "wizard-failed.png");
        assertNoAxeViolations("a failed refresh");

        pointLivePreviewAt("/results");
        type("username", "app_owner2");
        await.until(d -> "current".equals(freshnessState()));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: app_owner2"));
        WebElement link = driver.findElement(By.id("download-main"));
        assertTrue(link.getAttribute("href").contains("username=app_owner2"), link.getAttribute("href"));
        assertNull(link.getAttribute("aria-disabled"));
        assertTrue(driver.findElement(By.id("copy-curl")).isEnabled());
    }

    @Test
    void offlineIsReportedAsOffline() {
        open("");
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            type("database", "orders");
            await.until(d -> "failed".equals(freshnessState()));
            assertTrue(text("freshness").contains("offline"), text("freshness"));
            assertStale("database: dbname");
        } finally {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    @Test
    void aSlowServerIsSaidToBeSlowWhileTheOldFilesAreMarked() {
        open("");
        pointLivePreviewAt("/test-only/slow");
        type("database", "orders");
        await.until(d -> "updating".equals(freshnessState()));
        assertStale("database: dbname");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("freshness"), "server is slow"));
        await.until(d -> "failed".equals(freshnessState()));
        assertTrue(text("freshness").contains("HTTP 504"), text("freshness"));
    }

    @Test
    void aBadFieldKeepsTheLastGoodFilesDimmedAndLabelled() throws IOException {
        open("?username=app_owner");
        type("hookTimeout", "300");
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("hookTimeout-error")));
        await.until(d -> "invalid".equals(freshnessState()));
        assertTrue(text("freshness").contains("last valid values"), text("freshness"));
        assertStale("username: app_owner");
        assertTrue(text("helmchart-yaml").contains("pre.hook.backup.velero.io/timeout: 30m"),
                "the last good file, not emptied");
        screenshot(driver, "wizard-stale-error.png");
        assertNoAxeViolations("a bad field with the last good files");

        type("hookTimeout", "90s");
        await.until(d -> "current".equals(freshnessState()));
        assertFalse(driver.findElement(By.id("results")).getAttribute("class").contains("stale"));
        assertTrue(text("helmchart-yaml").contains("pre.hook.backup.velero.io/timeout: 90s"));
    }

    @Test
    void anUnknownLinkParameterIsIgnoredWithANotice() {
        driver.get(url + "?utm_source=newsletter&chartVersion=17.1.0&fbclid=abc&installPath=kots");
        WebElement notice = await.until(ExpectedConditions.visibilityOfElementLocated(By.id("ignored-params")));
        assertTrue(notice.getText().contains("utm_source") && notice.getText().contains("fbclid"), notice.getText());
        assertTrue(text("helmchart-yaml").contains("chartVersion: 17.1.0"), "the rest of the link is used");
        assertFalse(driver.findElement(By.id("error-summary")).isDisplayed());
        assertEquals("17.1.0", driver.findElement(By.id("chartVersion")).getAttribute("value"));
    }

    @Test
    void defaultsAreMarkedAndEachFieldResets() {
        open("");
        assertEquals("Default value", driver.findElement(By.id("username-default")).getText());
        assertFalse(driver.findElement(By.id("username-reset")).isDisplayed());
        type("username", "app_owner");
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("username-reset")));
        assertTrue(driver.findElement(By.id("username-default")).getText().contains("Changed from the default"));
        await.until(ExpectedConditions.urlContains("username=app_owner"));
        driver.findElement(By.id("username-reset")).click();
        assertEquals("username", driver.findElement(By.id("username")).getAttribute("value"));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: username"));
        await.until(d -> !d.getCurrentUrl().contains("username="));
        // Advanced fields are folded away until asked for, and a preset is a link.
        assertFalse(driver.findElement(By.id("mountPath")).isDisplayed());
        driver.findElement(By.id("preset-kots-docs-2020")).click();
        await.until(ExpectedConditions.urlContains("apiVersion=kots.io%2Fv1beta1"));
        assertEquals("kots.io/v1beta1", new Select(driver.findElement(By.id("apiVersion"))).getFirstSelectedOption()
                .getAttribute("value"));
    }

    @Test
    void aPresetAddsItsValuesToAFilledFormAndSaysWhatItSet() {
        open("");
        type("username", "orders");
        type("database", "ordersdb");
        type("hookTimeout", "45m");
        await.until(ExpectedConditions.urlContains("hookTimeout=45m"));
        driver.findElement(By.id("preset-large-database")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("preset-applied")));
        assertEquals("orders", driver.findElement(By.id("username")).getAttribute("value"), "typed values stay");
        assertEquals("ordersdb", driver.findElement(By.id("database")).getAttribute("value"));
        assertEquals("50Gi", driver.findElement(By.id("scratchSize")).getAttribute("value"), "the preset's own value");
        assertEquals("2h", driver.findElement(By.id("hookTimeout")).getAttribute("value"), "the preset sets its fields");
        String notice = driver.findElement(By.id("preset-applied")).getText();
        assertTrue(
                notice.contains("Large database") && notice.contains("scratchSize=50Gi") && notice.contains("hookTimeout=2h"),
                notice);
        driver.navigate().back();
        await.until(ExpectedConditions.urlContains("hookTimeout=45m"));
        assertEquals("45m", driver.findElement(By.id("hookTimeout")).getAttribute("value"), "Back undoes it");
    }

    @Test
    void filesAreTabsAndYamlIsHighlighted() {
        open("");
        WebElement configTab = driver.findElement(By.id("tab-config-yaml"));
        assertEquals("false", configTab.getAttribute("aria-selected"));
        assertFalse(driver.findElement(By.id("panel-config-yaml")).isDisplayed());
        driver.findElement(By.id("tab-helmchart-yaml")).click();
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        await.until(d -> "tab-config-yaml".equals(activeId(d)));
        assertEquals("true", driver.findElement(By.id("tab-config-yaml")).getAttribute("aria-selected"));
        assertTrue(driver.findElement(By.id("panel-config-yaml")).isDisplayed());
        assertFalse(driver.findElement(By.id("panel-helmchart-yaml")).isDisplayed());
        assertFalse(driver.findElements(By.cssSelector("#helmchart-yaml .hljs-attr")).isEmpty(), "YAML keys are highlighted");
        assertTrue(
                text("next-steps").contains("helm pull oci://registry-1.docker.io/bitnamicharts/postgresql --version 17.1.0"));
    }

    /** A live update carries only the visible tab's file; another tab fetches its own when it opens. */
    @Test
    void afterALiveUpdateEachTabLoadsItsFileWhenOpened() throws IOException {
        open("");
        type("username", "lazy_owner");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: lazy_owner"));
        assertEquals("false", driver.findElement(By.id("panel-app-database-values-yaml")).getAttribute("data-loaded"),
                "the refresh left the hidden tabs' files out");
        String query = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('?') + 1);

        driver.findElement(By.id("tab-app-database-values-yaml")).click();
        await.until(d -> "true".equals(d.findElement(By.id("panel-app-database-values-yaml")).getAttribute("data-loaded")));
        assertEquals(download("app-database-values.yaml?" + query).stripTrailing(),
                text("app-database-values-yaml").stripTrailing(),
                "the tab shows the file the download gives for the same values");
        assertTrue(text("app-database-values-yaml").contains("lazy_owner"));
        assertFalse(driver.findElements(By.cssSelector("#app-database-values-yaml .hljs-attr")).isEmpty(), "highlighted");
        assertEquals(text("app-database-values-yaml").stripTrailing(),
                copyAndPaste(By.cssSelector("[data-copy-target=app-database-values-yaml]")).stripTrailing());

        // With that tab open, the next update sends that file, and the HelmChart waits for its tab.
        type("username", "lazy_owner2");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app-database-values-yaml"), "lazy_owner2"));
        assertEquals("false", driver.findElement(By.id("panel-helmchart-yaml")).getAttribute("data-loaded"));
        driver.findElement(By.id("tab-helmchart-yaml")).click();
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: lazy_owner2"));

        // A tab that cannot be fetched says so, and its download still works.
        type("username", "lazy_owner3");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: lazy_owner3"));
        pointLivePreviewAt("/test-only/proxy-error");
        driver.findElement(By.id("tab-config-yaml")).click();
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-yaml-status"), "HTTP 502"));
        assertTrue(text("config-yaml-status").contains("download link still works"), text("config-yaml-status"));
        assertTrue(driver.findElement(By.cssSelector("#panel-config-yaml a[download]")).getAttribute("href")
                .contains("username=lazy_owner3"));
        assertNoAxeViolations("a tab that could not be loaded");
    }

    /** Leaving a field fires a change event after the input events that already refreshed: nothing more is asked. */
    @Test
    void leavingAFieldAsksTheServerNothingMore() throws InterruptedException {
        open("");
        js("window.__asked = 0; const real = window.fetch;"
                + "window.fetch = function () { window.__asked++; return real.apply(this, arguments); };");
        type("username", "left_field");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: left_field"));
        await.until(d -> "current".equals(freshnessState()));
        long asked = ((Number) js("return window.__asked;")).longValue();
        assertTrue(asked >= 1, "the edit was sent");
        driver.findElement(By.id("username")).sendKeys(Keys.TAB); // change event
        Thread.sleep(1000); // four times the live preview's 250 ms pause: long enough for a request to start
        assertEquals(asked, ((Number) js("return window.__asked;")).longValue(), "the same values are not asked again");
        assertEquals("current", freshnessState());

        type("username", "left_field2"); // a real change is still sent
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "username: left_field2"));
    }

    @Test
    void accessibleInEveryState() throws IOException {
        open("");
        assertNoAxeViolations("the defaults");
        type("scratchSize", "0");
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("scratchSize-error")));
        assertNoAxeViolations("a field error");
        open("?chartVersion=17.1.0");
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            assertEquals(Boolean.TRUE, js("return matchMedia('(prefers-color-scheme: dark)').matches;"));
            screenshot(driver, "wizard-dark.png");
            assertNoAxeViolations("dark mode");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        driver.manage().window().setSize(new Dimension(390, 844));
        open("");
        WebElement jump = driver.findElement(By.id("jump-to-results"));
        assertTrue(jump.isDisplayed() && jump.getLocation().getY() < 844, "the files are one tap away on a phone");
        assertNoAxeViolations("phone width");
    }

    // ---------------------------------------------------------------------------------------------------------

    private String freshnessState() {
        return driver.findElement(By.id("freshness")).getAttribute("data-state");
    }

    /** Makes the live preview ask a test-only endpoint instead of /results. */
    private void pointLivePreviewAt(String path) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('wizard').dataset.results = arguments[0];", path);
    }

    /** The old files are still shown, marked stale, with no download pointing at them and no copy. */
    private void assertStale(String oldText) {
        assertTrue(text("helmchart-yaml").contains(oldText), "the files shown are kept: " + oldText);
        assertTrue(driver.findElement(By.id("results")).getAttribute("class").contains("stale"));
        for (String id : List.of("download-main", "download-bundle", "share-link")) {
            WebElement link = driver.findElement(By.id(id));
            assertNull(link.getAttribute("href"), id + " must not point at values other than the form's");
            assertEquals("true", link.getAttribute("aria-disabled"), id);
        }
        assertFalse(driver.findElement(By.id("copy-curl")).isEnabled());
    }

    private void assertNoAxeViolations(String state) throws IOException {
        Axe.assertNoViolations(driver, state);
    }

    /** Opens the page on the KOTS install path, whose HelmChart preview these tests follow (the default is Helm CLI). */
    private void open(String query) {
        driver.get(url + (query.isEmpty() ? "?installPath=kots" : query + "&installPath=kots"));
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard")));
        await.until(d -> Boolean.TRUE.equals(js("return document.documentElement.classList.contains('js');")));
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** A file as curl gets it from this server (path and query relative to the page). */
    private String download(String pathAndQuery) {
        return io.restassured.RestAssured.given().get(url + pathAndQuery).then().statusCode(200).extract().asString();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getAttribute("textContent");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String activeId(WebDriver d) {
        return d.switchTo().activeElement().getAttribute("id");
    }

    /** What aria-describedby makes of the input: the referenced elements' text, in order. */
    private String accessibleDescription(String id) {
        return (String) driver.executeScript("const e = document.getElementById(arguments[0]);"
                + "return (e.getAttribute('aria-describedby') || '').split(/\\s+/)"
                + ".map(r => document.getElementById(r)).filter(Boolean).map(r => r.textContent.trim()).join(' ');", id);
    }

    /** Clicks a copy button, then pastes the clipboard into a scratch textarea and returns what arrived. */
    private String copyAndPaste(By button) {
        WebElement copy = driver.findElement(button);
        copy.click();
        await.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        assertTrue(driver.findElement(By.id("status")).getAttribute("textContent").contains("Copied"),
                "screen readers hear it too");
        return paste();
    }

    private String paste() {
        js("document.getElementById('paste-probe')?.remove();"
                + "const t = document.createElement('textarea'); t.id = 'paste-probe'; document.body.appendChild(t);");
        WebElement probe = driver.findElement(By.id("paste-probe"));
        probe.click();
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();
        await.until(d -> !probe.getAttribute("value").isEmpty());
        String pasted = probe.getAttribute("value");
        js("document.getElementById('paste-probe').remove();"); // the page's own elements are what axe checks
        return pasted;
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The whole page, not just the viewport, as PNG. */
    private static void screenshot(ChromeDriver d, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        JavascriptExecutor js = d;
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        Map<String, Object> shot = d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 8000), "scale", 1)));
        Path file = SCREENSHOTS.resolve(name);
        Files.write(file, Base64.getDecoder().decode((String) Optional.ofNullable(shot.get("data")).orElseThrow()));
        System.out.println("screenshot: " + file.toAbsolutePath());
    }
}
