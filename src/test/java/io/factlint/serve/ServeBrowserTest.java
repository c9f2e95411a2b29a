package io.factlint.serve;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.factlint.report.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
import java.util.function.Supplier;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, as
 * {@code .ci/install-browser} installs them; found and started as {@code HtmlReportBrowserTest} does), against a
 * real server on loopback: the editor's flow from a failing seed story to a passing, reviewed one, a page that
 * follows an edit on disk, and payloads in every field that run nothing. One browser for the class. With
 * {@code -Dfactlint.screenshots=docs/img} it saves the README's screenshots.
 */
@Tag("browser")
@EnabledIf("browserAvailable")
class ServeBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String STORY = "/story?id=nk-soldier-captured";

    @TempDir
    static Path dir;
    static WebDriver driver;

    static boolean browserAvailable() {
        return "true".equals(System.getenv("CI"))
                || Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    @BeforeAll
    static void browser() throws IOException {
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void quit() {
        if (driver != null) driver.quit();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static void waitFor(String what, Supplier<Boolean> condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(condition.get())) return;
            } catch (RuntimeException e) {
                // the page is being swapped: look again
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Waits until the page shows the workbench's latest check (live updates may swap the page after an action). */
    static void settle(ServeFixture f) {
        waitFor("the page to show the latest check", () -> {
            String shown = driver.findElement(By.tagName("body")).getAttribute("data-version");
            return String.valueOf(f.bench.state().version()).equals(shown);
        });
    }

    static List<String> rules() {
        return driver.findElements(By.cssSelector("#findings li.finding:not(.waived) .rule-id")).stream().map(WebElement::getText).toList();
    }

    static WebElement fact(String ref) {
        return driver.findElements(By.cssSelector("li.fact")).stream()
                .filter(e -> e.findElement(By.cssSelector(".ref")).getText().equals(ref)).findFirst().orElseThrow();
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    static void screenshot(String name) throws IOException {
        String target = System.getProperty("factlint.screenshots");
        if (target == null) return;
        js("window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of(target));
        Files.write(Path.of(target, name + ".png"), png);
    }

    static void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    // ---- the flow -------------------------------------------------------------------------------------------------

    /**
     * From the seed story with a wrong number (f5 says 30000 where the quote says 3000) to a passing story: see the
     * finding, correct the fact through the form, waive another finding, watch the page follow an edit on disk,
     * undo.
     */
    @Test
    void anEditorGoesFromAFailingStoryToAPassingOne() throws Exception {
        Path json;
        try (ServeFixture f = new ServeFixture(dir.resolve("flow"), facts -> {
            Path p = facts.resolve("nk-soldier-captured.json");
            Files.writeString(p, Files.readString(p).replace("{\"amount\": 3000, \"bound\": \"over\"}", "{\"amount\": 30000, \"bound\": \"over\"}"));
        })) {
            json = f.facts.resolve("nk-soldier-captured.json");
            String original = Files.readString(json);
            driver.get(f.server.url());
            assertThat(driver.getCurrentUrl()).isEqualTo(f.base() + "/");
            assertThat(driver.findElement(By.cssSelector("tr.story-row .verdict-badge")).getText()).isEqualTo("FAIL");
            driver.findElement(By.cssSelector("a.story-link")).click();
            waitFor("the story page", () -> driver.getCurrentUrl().endsWith(STORY));
            waitFor("the live connection", () -> "on".equals(driver.findElement(By.tagName("body")).getAttribute("data-live")));

            // see the finding
            assertThat(rules()).contains("quote.number_mismatch");
            assertThat(driver.findElement(By.id("story-verdict")).getText()).isEqualTo("FAIL");
            screenshot("workbench-story");

            // edit the fact so that the finding disappears
            WebElement f5 = fact("nk-soldier-captured#f5");
            f5.findElement(By.cssSelector("details.edit summary")).click();
            WebElement value = f5.findElement(By.cssSelector("input[name=value]"));
            assertThat(value.getAttribute("value")).isEqualTo("30000");
            value.clear();
            value.sendKeys("3000");
            submit(f5.findElement(By.cssSelector("form.edit-form")));
            waitFor("the finding to disappear", () -> driver.getCurrentUrl().endsWith(STORY)
                    && !rules().isEmpty() && !rules().contains("quote.number_mismatch"));
            assertThat(driver.findElement(By.id("notice")).getText()).contains("done: edit value of nk-soldier-captured#f5");
            assertThat(driver.findElement(By.id("story-verdict")).getText()).isEqualTo("PASS");
            // one field changed on disk, nothing else
            settle(f);
            assertThat(Files.readString(json)).isEqualTo(original.replace("{\"amount\": 30000, \"bound\": \"over\"}", "{\"amount\": 3000, \"bound\": \"over\"}"));

            // waive another finding
            int before = rules().size();
            WebElement single = driver.findElements(By.cssSelector("#findings li.finding")).stream()
                    .filter(e -> e.getAttribute("data-rule").equals("source.single")).findFirst().orElseThrow();
            single.findElement(By.cssSelector("details.waive summary")).click();
            single.findElement(By.cssSelector("input[name=reason]")).sendKeys("Zelenskyy's figure is the only one published");
            single.findElement(By.cssSelector("input[name=author]")).sendKeys("desk editor");
            submit(single.findElement(By.cssSelector("form.waive-form")));
            waitFor("the waiver", () -> driver.findElements(By.cssSelector("#findings li.finding.waived")).size() == 1);
            assertThat(rules()).hasSize(before - 1);
            Path waivers = f.facts.resolve("waivers.json");
            assertThat(Files.readString(waivers)).contains("\"rule\": \"source.single\"").contains("\"author\": \"desk editor\"")
                    .contains("\"expires\": \"2025-02-09\"");
            screenshot("workbench-flow");

            // an edit on disk, by another program: the open page follows without a reload
            js("window.factlintMarker = 42;");
            Files.writeString(json, Files.readString(json).replace("dies of his wounds, Seoul says", "dies, Seoul says"));
            waitFor("the page to follow the file", () -> driver.findElement(By.id("story-title")).getText()
                    .equals("North Korean soldier captured by Ukraine dies, Seoul says"));
            assertThat(js("return window.factlintMarker")).isEqualTo(42L);

            // undo the last action (the waiver: its file did not exist before)
            driver.findElement(By.id("undo")).click();
            waitFor("the undo", () -> driver.findElements(By.cssSelector("#findings li.finding.waived")).isEmpty());
            assertThat(waivers).doesNotExist();
            assertThat(consoleErrors()).isEmpty();
        }
    }

    /** A concurrent edit on disk is not overwritten: the form was drawn from the older file. */
    @Test
    void aFormOfAnOlderFileDoesNotOverwriteANewerOne() throws Exception {
        try (ServeFixture f = new ServeFixture(dir.resolve("race"))) {
            driver.get(f.server.url());
            driver.get(f.base() + STORY);
            WebElement f4 = fact("nk-soldier-captured#f4");
            f4.findElement(By.cssSelector("details.edit summary")).click();
            WebElement value = f4.findElement(By.cssSelector("input[name=value]"));
            value.clear();
            value.sendKeys("12000");
            // meanwhile, another editor saves the file
            Path json = f.facts.resolve("nk-soldier-captured.json");
            String theirs = Files.readString(json).replace("\"certainty\": \"unconfirmed\"", "\"certainty\": \"reported\"");
            Files.writeString(json, theirs);
            submit(f4.findElement(By.cssSelector("form.edit-form")));
            waitFor("the refusal", () -> driver.findElement(By.id("notice")).getText().contains("changed on disk since the page was drawn"));
            assertThat(Files.readString(json)).isEqualTo(theirs);
        }
    }

    /** A bad value gets the loader's located message, and the file stays as it was. */
    @Test
    void aBadValueIsRefusedWithTheLoadersMessage() throws Exception {
        try (ServeFixture f = new ServeFixture(dir.resolve("bad"))) {
            Path json = f.facts.resolve("nk-soldier-captured.json");
            String before = Files.readString(json);
            driver.get(f.server.url());
            driver.get(f.base() + STORY);
            WebElement f3 = fact("nk-soldier-captured#f3");
            f3.findElement(By.cssSelector("details.edit summary")).click();
            WebElement value = f3.findElement(By.cssSelector("input[name=value]"));
            value.clear();
            value.sendKeys("resurrected");
            submit(f3.findElement(By.cssSelector("form.edit-form")));
            waitFor("the refusal", () -> driver.findElement(By.id("notice")).getText().contains("not written"));
            String problems = driver.findElement(By.cssSelector("#notice .problems")).getText();
            assertThat(problems).matches("(?s)" + java.util.regex.Pattern.quote(f.facts.resolve("nk-soldier-captured.json").toString()) + ":\\d+:\\d+: .*resurrected.*");
            assertThat(Files.readString(json)).isEqualTo(before);
        }
    }

    /** Drafted facts (drafted: true) get a "Mark reviewed" button that removes the flag from the file. */
    @Test
    void aDraftedFactIsMarkedReviewed() throws Exception {
        try (ServeFixture f = new ServeFixture(dir.resolve("drafted"), facts -> {
            Path p = facts.resolve("nk-soldier-captured.json");
            Files.writeString(p, Files.readString(p).replace("\"id\": \"f4\",", "\"id\": \"f4\", \"drafted\": true,"));
        })) {
            driver.get(f.server.url());
            assertThat(driver.findElement(By.cssSelector("tr.story-row .drafted-count")).getText()).isEqualTo("1");
            driver.get(f.base() + STORY);
            WebElement f4 = fact("nk-soldier-captured#f4");
            assertThat(f4.findElement(By.cssSelector(".badge-drafted")).getText()).isEqualTo("drafted");
            f4.findElement(By.cssSelector("button.mark-reviewed")).click();
            waitFor("the review", () -> driver.findElements(By.cssSelector(".badge-drafted")).isEmpty());
            assertThat(Files.readString(f.facts.resolve("nk-soldier-captured.json"))).doesNotContain("drafted");
        }
    }

    // ---- payloads -------------------------------------------------------------------------------------------------

    /** The seed story with a payload in every text of the fact file and of the story text. */
    static void hostile(Path facts) throws IOException {
        ObjectMapper m = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        Path p = facts.resolve("nk-soldier-captured.json");
        ObjectNode root = (ObjectNode) m.readTree(p.toFile());
        String all = Fixtures.ALL;
        ((ObjectNode) root.get("story")).put("headline", "Headline " + all);
        for (var s : root.get("sources")) ((ObjectNode) s).put("name", s.get("name").asText() + " " + all);
        for (var e : root.get("entities")) ((ObjectNode) e).put("name", e.get("name").asText() + " " + all);
        ArrayNode fs = (ArrayNode) root.get("facts");
        ((ObjectNode) fs.get(0)).put("quote", "quote " + all);
        for (var c : root.get("claims")) ((ObjectNode) c).put("text", c.get("text").asText() + " " + all);
        for (var c : root.get("mentions")) ((ObjectNode) c).put("text", c.get("text").asText() + " " + Fixtures.SCRIPT);
        m.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), root);
        Path text = facts.resolve("nk-soldier-captured.txt");
        Files.writeString(text, Files.readString(text) + "\n" + all.replace("\u0000", "").replace(Fixtures.LONE_SURROGATE, "") + "\n", StandardCharsets.UTF_8);
    }

    static void assertNothingRan() {
        assertThat(driver.getTitle()).doesNotContain("pwned");
        assertThat(js("return window.parent !== window")).isEqualTo(false);
        assertThat(driver.findElements(By.cssSelector("img, iframe, object, embed, svg[onload], [onerror], [onload]"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
        // no script element came from a fact file: the one script is the server's file
        assertThat(driver.findElement(By.tagName("script")).getAttribute("src")).endsWith("/static/workbench.js");
    }

    @Test
    void aPayloadInEveryFieldRunsNoScript() throws Exception {
        try (ServeFixture f = new ServeFixture(dir.resolve("hostile"), ServeBrowserTest::hostile)) {
            driver.get(f.server.url());
            assertNothingRan();
            assertThat(driver.findElement(By.cssSelector("a.story-link")).getText()).contains("<script>");
            driver.get(f.base() + STORY);
            assertNothingRan();
            assertThat(driver.findElement(By.id("story-title")).getText()).contains(Fixtures.SCRIPT);
            assertThat(rules()).contains("quote.not_in_text");
            assertThat(driver.findElement(By.cssSelector(".article-text")).getText()).contains(Fixtures.IMG);

            // payloads typed into every form field
            WebElement finding = driver.findElements(By.cssSelector("#findings li.finding")).get(0);
            finding.findElement(By.cssSelector("details.waive summary")).click();
            finding.findElement(By.cssSelector("input[name=reason]")).sendKeys(Fixtures.SCRIPT + Fixtures.IMG);
            finding.findElement(By.cssSelector("input[name=author]")).sendKeys(Fixtures.CLOSE_SCRIPT + Fixtures.SVG);
            submit(finding.findElement(By.cssSelector("form.waive-form")));
            waitFor("the waiver", () -> !driver.findElements(By.cssSelector("#findings li.finding.waived")).isEmpty());
            settle(f);
            assertNothingRan();
            assertThat(driver.findElement(By.cssSelector("#findings li.finding.waived .waiver")).getText()).contains(Fixtures.SCRIPT);

            WebElement f1 = fact("nk-soldier-captured#f1");
            f1.findElement(By.cssSelector("details.edit summary")).click();
            WebElement value = f1.findElement(By.cssSelector("input[name=value]"));
            value.clear();
            value.sendKeys(Fixtures.IMG);
            WebElement at = f1.findElement(By.cssSelector("input[name=at]"));
            at.clear();
            at.sendKeys(Fixtures.SCRIPT);
            submit(f1.findElement(By.cssSelector("form.edit-form")));
            waitFor("the refusal", () -> driver.findElement(By.id("notice")).getText().contains("not written"));
            assertNothingRan();
            screenshot("workbench-hostile");
            assertThat(consoleErrors()).isEmpty();
        }
    }
}
