package io.factlint.report;

import io.factlint.model.CheckResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the HTML report in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/install-browser} installs) from a {@code file:} URL: payloads do not run, the console stays clean
 * (CSP violations are console errors), the filters work, and the page is complete without JavaScript.
 * Runs in the default test run wherever {@code /usr/bin/chromium} exists, and always on CI; Selenium Manager is never used.
 * One browser with JavaScript serves the class's tests (each opens its own page after a blank one, and reads only the
 * console messages logged since); the test without JavaScript starts a browser of its own.
 */
@Tag("browser")
@EnabledIf("browserAvailable")
class HtmlReportBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** Selenium warns when it has no CDP bindings for this exact Chromium; the test does not use CDP. */
    private static final java.util.logging.Logger CDP_LOG = quiet("org.openqa.selenium.devtools");

    @TempDir
    Path dir;
    @TempDir
    static Path profiles;
    /** The browser with JavaScript, started by the first test that needs it, quit after the class. */
    private static WebDriver withJavaScript;
    /** The browser of the current test: the shared one, or its own (without JavaScript), quit after the test. */
    private WebDriver driver;
    private WebDriver own;

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** On CI (CI=true, where .ci/run installs Chromium) the test always runs, so a failed install cannot hide it. */
    static boolean browserAvailable() {
        return "true".equals(System.getenv("CI"))
                || Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    private WebDriver start(boolean javascript) throws IOException {
        if (!javascript) {
            own = launch(false);
            driver = own;
            return driver;
        }
        if (withJavaScript == null) withJavaScript = launch(true);
        driver = withJavaScript;
        driver.get("about:blank");
        driver.manage().logs().get(LogType.BROWSER); // reading the log empties it: what follows is this test's page's
        return driver;
    }

    private static WebDriver launch(boolean javascript) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory(profiles, "chromium-profile");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,2000");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        WebDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return started;
    }

    @AfterEach
    void quit() {
        if (own != null) own.quit();
    }

    @AfterAll
    static void quitShared() {
        if (withJavaScript != null) withJavaScript.quit();
        withJavaScript = null;
    }

    private String write(CheckResult result, String name) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> Render.FAIL_ON_ERROR.write(new HtmlReportWriter(), result, out));
        return file.toUri().toString();
    }

    /** With {@code -Dfactlint.screenshots=DIR}, saves what the browser shows, for a person to look at. */
    private void screenshot(String name) throws IOException {
        String target = System.getProperty("factlint.screenshots");
        if (target == null) return;
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.createDirectories(Path.of(target));
        Files.write(Path.of(target, name + ".png"), png);
    }

    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private List<WebElement> visibleFindings() {
        return driver.findElements(By.cssSelector("li.finding")).stream().filter(WebElement::isDisplayed).toList();
    }

    private List<String> visibleRules() {
        return visibleFindings().stream().map(f -> f.findElement(By.cssSelector(".rule-id")).getText()).toList();
    }

    private WebElement chip(String dim, String label) {
        return driver.findElements(By.cssSelector("button[data-dim='" + dim + "']")).stream()
                .filter(b -> b.getText().startsWith(label)).findFirst().orElseThrow();
    }

    private String status() {
        return driver.findElement(By.id("filter-status")).getText();
    }

    @Test
    void seedReportRunsCleanlyAndItsFiltersWork() throws IOException {
        start(true).get(write(Fixtures.seed(), "seed.html"));
        assertThat(driver.getTitle()).isEqualTo("factlint report: FAIL");
        assertThat(driver.findElement(By.id("filters")).isDisplayed()).isTrue();
        assertThat(visibleFindings()).hasSize(4);
        assertThat(status()).isEqualTo("Showing all 4 findings.");
        screenshot("seed");

        // severity
        chip("severity", "error").click();
        assertThat(visibleRules()).containsExactly("status.stale");
        assertThat(status()).isEqualTo("Showing 1 of 4 findings.");
        assertThat(driver.findElement(By.cssSelector("section[data-group='warning']")).isDisplayed()).isFalse();
        chip("severity", "warning").click();
        assertThat(visibleRules()).containsExactly("status.stale", "status.changed");
        screenshot("seed-filtered");
        chip("severity", "error").click();
        chip("severity", "warning").click();
        assertThat(visibleFindings()).hasSize(4);

        // rule
        chip("rule", "source.single").click();
        assertThat(visibleRules()).containsExactly("source.single", "source.single");
        assertThat(driver.findElement(By.cssSelector("section[data-group='info'] .group-count")).getText()).isEqualTo("(2)");
        driver.findElement(By.id("filter-clear")).click();
        assertThat(visibleFindings()).hasSize(4);

        // entity: findings, timelines, figures and claims of that entity only
        chip("entity", "North Korean troops sent to Russia").click();
        assertThat(visibleRules()).containsExactly("source.single");
        assertThat(driver.findElement(By.cssSelector("article.timeline")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("article.figure")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("article.claim")).stream().filter(WebElement::isDisplayed))
                .hasSize(1);
        // entity and severity together: nothing matches, and the page says so
        chip("severity", "error").click();
        assertThat(visibleFindings()).isEmpty();
        assertThat(driver.findElement(By.id("filter-empty")).isDisplayed()).isTrue();
        driver.findElement(By.id("filter-clear")).click();
        assertThat(driver.findElement(By.id("filter-empty")).isDisplayed()).isFalse();

        // story
        chip("story", Fixtures.SEED).click();
        assertThat(visibleFindings()).hasSize(4);
        assertThat(driver.findElement(By.cssSelector("button[data-dim='story']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        chip("story", Fixtures.SEED).click();

        assertThat(driver.getTitle()).isEqualTo("factlint report: FAIL");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void reviewedReportShowsWaivedAndNewBadgesAndItsReviewFiltersWork() throws IOException {
        start(true).get(write(Fixtures.reviewed(), "reviewed.html"));
        assertThat(driver.getTitle()).isEqualTo("factlint report: PASS"); // the only error is waived
        assertThat(visibleFindings()).hasSize(4);
        WebElement stale = driver.findElement(By.cssSelector("li.finding.is-waived"));
        WebElement badge = stale.findElement(By.cssSelector(".badge-waived"));
        assertThat(badge.isDisplayed()).isTrue();
        assertThat(badge.getText()).isEqualToIgnoringCase("waived");
        assertThat(stale.findElement(By.cssSelector(".waiver")).isDisplayed()).isTrue();
        assertThat(stale.findElement(By.cssSelector(".waiver-reason")).getText()).isEqualTo(Fixtures.WAIVER_REASON);
        assertThat(driver.findElements(By.cssSelector("li.finding .badge-new")).stream().filter(WebElement::isDisplayed))
                .hasSize(1);
        assertThat(driver.findElement(By.id("fixed")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("#fixed li.fixed-finding"))).hasSize(2);
        screenshot("reviewed");

        chip("review", "waived").click();
        assertThat(visibleRules()).containsExactly("status.stale");
        assertThat(status()).isEqualTo("Showing 1 of 4 findings.");
        chip("review", "waived").click();
        chip("review", "not waived").click();
        assertThat(visibleRules()).containsExactly("status.changed", "source.single", "source.single");
        driver.findElement(By.id("filter-clear")).click();
        chip("baseline", "new").click();
        assertThat(visibleRules()).containsExactly("source.single");
        // the fixed section is not filtered
        assertThat(driver.findElements(By.cssSelector("#fixed li.fixed-finding")).stream().filter(WebElement::isDisplayed))
                .hasSize(2);
        driver.findElement(By.id("filter-clear")).click();
        assertThat(visibleFindings()).hasSize(4);

        assertThat(driver.getTitle()).isEqualTo("factlint report: PASS");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void hostileReviewedReportRunsNoPayload() throws IOException {
        start(true).get(write(Fixtures.hostileReviewed(), "hostile-reviewed.html"));
        assertThat(driver.getTitle()).isEqualTo("factlint report: PASS");
        assertThat(driver.findElements(By.cssSelector("img, svg:not(.count-chart), iframe, object, embed"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("li.finding .waiver-reason")).getText()).contains(Fixtures.SCRIPT);
        assertThat(driver.findElement(By.cssSelector("li.finding .badge-waived")).isDisplayed()).isTrue();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void hostileReportRunsNoPayload() throws IOException {
        start(true).get(write(Fixtures.hostile(), "hostile.html"));
        assertThat(driver.getTitle()).isEqualTo("factlint report: FAIL");
        assertThat(driver.findElements(By.cssSelector("img, svg:not(.count-chart), iframe, object, embed"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
        Object pwned = ((JavascriptExecutor) driver).executeScript(
                "return document.title.indexOf('pwned') >= 0 || (window.parent !== window);");
        assertThat(pwned).isEqualTo(false);
        assertThat(visibleFindings()).hasSize(5); // with the newsroom's desk rule
        screenshot("hostile");
        // the payload is shown as text
        assertThat(driver.findElement(By.cssSelector("li.finding .message")).getText()).contains(Fixtures.SCRIPT);
        // filters work with hostile labels too
        chip("entity", "North Korean troops sent to Russia").click();
        assertThat(visibleRules()).containsExactly("desk.deployment_unsourced", "source.single");
        driver.findElement(By.id("filter-clear")).click();
        assertThat(visibleFindings()).hasSize(5);
        assertThat(driver.getTitle()).isEqualTo("factlint report: FAIL");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void withoutJavaScriptEveryFindingIsShownAndNoFilterBar() throws IOException {
        start(false).get(write(Fixtures.seed(), "nojs.html"));
        assertThat(driver.getTitle()).isEqualTo("factlint report: FAIL");
        assertThat(driver.findElement(By.id("filters")).isDisplayed()).isFalse();
        assertThat(visibleFindings()).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("article.timeline, article.figure, article.claim"))
                .stream().filter(WebElement::isDisplayed)).hasSize(4);
        assertThat(driver.findElement(By.id("filter-status")).isDisplayed()).isFalse();
        screenshot("nojs");
    }

    @Test
    void theCspStopsAScriptThatSlippedIn() throws IOException {
        // a control: were escaping ever to fail, the policy still blocks the script, and the test sees the violation
        Path file = dir.resolve("broken.html");
        String html = Render.text(new HtmlReportWriter(), Fixtures.seed(), Render.FAIL_ON_ERROR)
                .replace("<main class=\"wrap\">", "<main class=\"wrap\">" + Fixtures.SCRIPT);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        start(true).get(file.toUri().toString());
        assertThat(driver.getTitle()).isEqualTo("factlint report: FAIL");
        assertThat(consoleErrors()).anySatisfy(m -> assertThat(m).contains("Content Security Policy"));
        // the report's own script still ran
        assertThat(driver.findElement(By.id("filters")).isDisplayed()).isTrue();
    }
}
