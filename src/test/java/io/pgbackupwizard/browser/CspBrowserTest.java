package io.pgbackupwizard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The strict Content-Security-Policy (application.properties) in real Chromium: the page and its live
 * preview work, no securitypolicyviolation event fires and the console reports no CSP error.
 */
@Tag("slow")
@QuarkusTest
class CspBrowserTest {

    static ChromeDriver driver;

    @TestHTTPResource("/")
    URL url;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(WizardPageBrowserTest.CHROMIUM), WizardPageBrowserTest.CHROMIUM
                + " is missing: install Debian's chromium and chromium-driver; this test does not download browsers");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, WizardPageBrowserTest.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(WizardPageBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory("wizard-csp-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(WizardPageBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        // Listen before any page script runs, so a violation during loading is caught too.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    @AfterAll
    static void quit() {
        if (driver != null)
            driver.quit();
    }

    @Test
    void thePageWorksUnderItsCspAndReportsNoViolation() {
        WebDriverWait await = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100));
        driver.get(url + "?installPath=kots");
        await.until(d -> Boolean.TRUE.equals(js("return document.documentElement.classList.contains('js');")));
        String csp = (String) js("return window.__csp === undefined ? 'no listener' : '';");
        assertEquals("", csp, "the violation listener is installed");

        WebElement username = driver.findElement(By.id("username"));
        username.clear();
        username.sendKeys("csp_owner");
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("helmchart-yaml"), "csp_owner"));

        assertEquals(List.of(), js("return window.__csp;"), "securitypolicyviolation events");
        List<String> cspConsole = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertEquals(List.of(), cspConsole, "CSP messages on the console");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
