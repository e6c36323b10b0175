package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in a real browser: Debian's Chromium, headless, driven by Selenium through Debian's ChromeDriver,
 * against the embedded default with the demo. Logs in through the form, finds "Bố Trạch" by typing "bo trach", opens
 * its dashboard and checks that the charts are drawn and that every number shown is the API's; sees a command sent
 * over the API appear on an open page within two seconds; checks what a UNIT user may open, phone width, labels and
 * print. A screenshot of each page is written under {@code target/screenshots/}.
 */
class WebPagesTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path data;
    static Standalone platform;
    static Api queries;
    static Api commands;
    static String base;
    ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertThat(new File(CHROMEDRIVER)).as("Debian's chromium-driver (.ci/run installs it)").exists();
        platform = ReadModelSnapshots.start(data, "--demo");
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        queries = new Api(platform.queryPort());
        commands = new Api(platform.commandPort());
        base = "http://localhost:" + platform.queryPort();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private ChromeDriver open(int width, int height) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
        // as root in a closed network: no sandbox, and none of Chromium's own calls home (they are refused here)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=vi", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    private void logIn(String user) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("/web/campaigns"));
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    private void shot(String name) throws IOException {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** A figure as the page shows it now, read in one step (a live page swaps its figures in while it is read). */
    private String figure(String name) {
        Object text = js("var e = document.querySelector('[data-figure=' + arguments[0] + ']');"
                + " return e ? e.textContent.trim() : null;", name);
        return (String) text;
    }

    @Test
    void anOrganizerFindsBoTrachAndItsDashboardShowsTheApisNumbersWithChartsDrawn() throws IOException {
        open(1280, 1000);
        browser.get(base + "/web/campaigns");
        assertThat(browser.getCurrentUrl()).as("a page needs a login").contains("/login");
        shot("login");
        logIn("organizer");
        browser.findElement(By.id("q")).sendKeys("bo trach");
        waitFor(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1);
        WebElement found = browser.findElement(By.cssSelector("#results tbody tr a"));
        assertThat(found.getText()).contains("Bố Trạch");
        shot("campaigns-search");
        found.click();
        waitFor(d -> d.findElements(By.cssSelector("canvas[data-drawn=true]")).size() == 3);
        // the canvases hold drawn pixels, not just a size
        for (String id : List.of("chart-funnel", "chart-ratings", "chart-quotas")) {
            Object painted = js("var c = document.getElementById(arguments[0]); var d = c.getContext('2d')"
                    + ".getImageData(0, 0, c.width, c.height).data; var n = 0;"
                    + " for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", id);
            assertThat(((Number) painted).longValue()).as(id + " painted pixels").isGreaterThan(100);
        }
        JsonNode api = queries.get("organizer", "/api/dashboards/campaigns/bo-trach-2020").body();
        assertThat(figure("registered")).isEqualTo(api.get("participation").get("registered").asText());
        assertThat(figure("pledgedWorks")).isEqualTo(api.get("participation").get("pledgedWorks").asText());
        assertThat(figure("inspections")).isEqualTo(api.get("inspections").get("total").asText());
        assertThat(figure("waiting")).isEqualTo(api.get("proposals").get("waiting").asText());
        assertThat(figure("awards")).isEqualTo(api.get("awards").get("inForce").asText());
        assertThat(figure("overdue")).isEqualTo(api.get("participation").get("unitsOverdue").asText());
        for (JsonNode step : api.get("proposals").get("steps")) {
            assertThat(browser.findElement(By.cssSelector("[data-step=" + step.get("status").asText() + "]"))
                    .getAttribute("textContent")).isEqualTo(step.get("count").asText());
        }
        for (JsonNode quota : api.get("quotas")) {
            for (String bucket : List.of("collectives", "individuals")) {
                assertThat(browser.findElement(By.cssSelector("[data-quota='" + quota.get("schemeId").asText() + "/"
                        + bucket + "'] [data-used]")).getText()).isEqualTo(quota.get(bucket).get("used").asText());
            }
        }
        // every form control and chart is labelled
        Object unlabelled = js("return Array.from(document.querySelectorAll('input, select, canvas')).filter(function (e) {"
                + " return !(e.id && document.querySelector('label[for=\"' + e.id + '\"]')) && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby') && e.type !== 'hidden'; }).length;");
        assertThat(((Number) unlabelled).intValue()).isZero();
        shot("campaign-dashboard");
        // printed: no navigation, the tables and charts kept
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector("header.site")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("chart-funnel")).isDisplayed()).isTrue();
        shot("campaign-dashboard-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        // Thủ Thừa: proposals at every step, quotas used
        browser.get(base + "/web/campaigns/thu-thua-dai-hoi-2020");
        waitFor(d -> d.findElements(By.cssSelector("canvas[data-drawn=true]")).size() == 3);
        shot("campaign-dashboard-thu-thua");
        browser.findElement(By.linkText("Bảng đề nghị khen thưởng")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/proposals"));
        assertThat(browser.findElements(By.cssSelector(".column"))).hasSize(9);
        assertThat(browser.findElement(By.cssSelector(".column[data-status=AWARDED] .count")).getText())
                .isEqualTo(queries.get("organizer", "/api/dashboards/campaigns/thu-thua-dai-hoi-2020").body()
                        .get("proposals").get("steps").get(5).get("count").asText());
        shot("proposal-board");
        browser.get(base + "/web/awards?nominee=nguyen");
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).isNotEmpty();
        shot("awards-registry");
        browser.get(base + "/web/statistics");
        assertThat(browser.findElement(By.cssSelector("#results .figure")).getText())
                .isEqualTo(queries.get("organizer", "/api/dashboards/statistics").body().get("totals")
                        .get("campaigns").asText());
        shot("statistics");
        browser.get(base + "/web/audit");
        assertThat(browser.getPageSource()).contains("Không được phép");
        // an auditor browses the trail
        browser.manage().deleteAllCookies();
        logIn("auditor");
        browser.get(base + "/web/audit?type=AwardGranted");
        assertThat(browser.findElement(By.cssSelector("#results .count span")).getText()).isEqualTo(
                queries.get("auditor", "/api/audit?type=AwardGranted").body().get("total").asText());
        shot("audit-trail");
    }

    @Test
    void aCommandSentOverTheApiShowsOnAnOpenPageWithinTwoSeconds() throws IOException {
        String id = commands.post("organizer", "/api/campaigns", Map.of("plan", TestPlans.plan("77/KH-WEB", 2, 3)))
                .body().get("id").asText();
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        open(1280, 1000);
        logIn("organizer");
        browser.get(base + "/web/campaigns/" + id);
        waitFor(d -> d.findElements(By.cssSelector("canvas[data-drawn=true]")).size() == 3);
        assertThat(figure("registered")).isEqualTo("0");
        // the live stream is open before the command is sent
        waitFor(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
        long sent = System.nanoTime();
        assertThat(commands.post("organizer", "/api/campaigns/" + id + "/participants",
                Map.of("unitId", "web-unit", "unitName", "Đơn vị Web")).status()).isEqualTo(200);
        new WebDriverWait(browser, Duration.ofSeconds(2), Duration.ofMillis(50))
                .until(d -> "1".equals(figure("registered")));
        double seconds = (System.nanoTime() - sent) / 1e9;
        System.out.printf("web page updated %.2f s after the command was acknowledged%n", seconds);
        shot("campaign-live-update");
    }

    @Test
    void aUnitUserOpensItsOwnUnitsPageAndNoOtherOnAPhone() throws IOException {
        String id = commands.post("organizer", "/api/campaigns", Map.of("plan", TestPlans.plan("78/KH-WEB", 2, 3)))
                .body().get("id").asText();
        for (String unit : List.of("demo-unit", "other-unit")) {
            commands.post("organizer", "/api/campaigns/" + id + "/participants",
                    Map.of("unitId", unit, "unitName", "Đơn vị " + unit));
        }
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        open(390, 844);
        logIn("unit");
        browser.get(base + "/web/campaigns/" + id + "/units/demo-unit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đơn vị demo-unit");
        shot("unit-page-phone");
        browser.get(base + "/web/campaigns/" + id + "/units/other-unit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không được phép");
        assertThat(browser.getPageSource()).doesNotContain("Đơn vị other-unit");
        shot("unit-page-denied");
        browser.get(base + "/web/campaigns/bo-trach-2020");
        waitFor(d -> d.findElements(By.cssSelector("canvas[data-drawn=true]")).size() == 3);
        // nothing wider than the phone's screen but the tables and the board, which scroll in place
        Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        shot("campaign-dashboard-phone");
        browser.get(base + "/web/statistics");
        assertThat(browser.getPageSource()).contains("Không được phép");
    }
}
