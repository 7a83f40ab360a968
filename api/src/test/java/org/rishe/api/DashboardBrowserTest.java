package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rishe.api.auth.Role;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.volunteers.Interest;
import org.rishe.api.volunteers.InterestLog;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver) against the
 * real server over a published fixture run: each page loads without console errors, draws its
 * charts, switches to Persian right-to-left, and leaves a screenshot in target/screenshots. In both
 * languages no string is missing from the page's tables and no raw key shows; in Persian no Latin
 * digit shows in cards, tables, chains or the charts' axes and tooltips; each role sees only the
 * views it may use; a volunteer sees their matches with the reasons and registers interest. A
 * view's filters and language live in the address: a link opens the same view, back and forward
 * move between views, an address the page cannot use falls back to the defaults; a hotspot opens
 * the planner view on its region; each table downloads as a CSV of exactly what it shows. Period
 * presets write their months to the address; a programme's row or bar opens its impact page; each
 * outcome scale has its own sortable chart; each chart saves as PNG, is described (ECharts' aria)
 * and has a data table; the leadership report prints on one page; the causal graph's problems work
 * by keyboard.
 */
// beside the module's other classes; its own tests one after another, on the one browser (a lock a
// class holds puts its tests in its thread)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("chromium")
class DashboardBrowserTest {
  // found on the PATH, where Debian's packages (and most others) put them
  private static final Path CHROMIUM = HeadlessChromium.onPath("chromium");
  private static final Path CHROMEDRIVER = HeadlessChromium.onPath("chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Routes other branches add; until they land, their 404 is expected and shown as a message. */
  private static final List<String> COMING_ROUTES =
      List.of("/api/v1/root-causes", "/api/v1/causal-graph");

  @TempDir static Path profile;
  @TempDir static Path warehouse;

  /**
   * This class's own server: it runs beside the module's other test classes (waiting on Chromium
   * more than on the CPU; see {@code junit-platform.properties}), so it cannot share {@link
   * OneServerPerClass}'s one static server with them.
   */
  private static TestServer server;

  private static ChromeDriver driver;
  private static WebDriverWait wait;
  private static String base;

  @BeforeAll
  static void startBrowser() throws IOException {
    boolean present = CHROMIUM != null && CHROMEDRIVER != null;
    String missing =
        "the dashboard test needs chromium and chromedriver on the PATH (found "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + "); install Debian's with `apt-get install -y chromium chromium-driver` (bin/test"
            + " does)";
    if (Boolean.getBoolean("rishe.requireBrowser")) {
      assertThat(present).as(missing).isTrue();
    }
    Assumptions.assumeTrue(present, missing);
    server = TestServer.unlimited(warehouse);
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SCREENSHOTS);

    ChromeOptions options = HeadlessChromium.options(CHROMIUM, profile);
    // as a reader who asked the system for less motion: the charts are drawn at once, which the
    // test checks, and no animation frames are painted for nobody to see
    options.addArguments("--force-prefers-reduced-motion");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service = HeadlessChromium.service(CHROMEDRIVER);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void leadershipPageShowsKpisATrendChartHotspotsAndProgrammeImpact() throws IOException {
    open("leadership", server.keys.get(Role.LEADERSHIP));

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    assertChartDrawn("trend-chart");
    wait.until(d -> !d.findElements(By.cssSelector("#hotspots-table tbody tr")).isEmpty());

    assertThat(driver.findElement(By.id("kpi-casesOpened")).getText()).contains("Cases opened");
    // R01 by its name in the regions catalogue (RegionFixture)
    assertThat(driver.findElement(By.id("hotspots-table")).getText())
        .contains("Capital District", "June 2024");
    // giving by occasion: the latest year's windows, the Yalda week's donations 6.4 [0.61 – 39.09]
    wait.until(d -> !d.findElements(By.cssSelector("#occasions-table tbody tr")).isEmpty());
    assertThat(driver.findElement(By.id("occasions-table")).getText())
        .contains("Yalda night", "14 December 2024", "Donations", "6.4 [0.61 – 39.09]")
        .doesNotContain("2023");
    assertThat(driver.findElement(By.id("jalali")).isSelected()).isFalse();
    assertThat(axisLabels("trend-chart")).contains("January 2024", "February 2024");
    assertThat(tooltip("trend-chart")).contains("January 2024", "Cases opened: 4");
    assertChartDrawn("impact-chart");
    assertThat(
            script(
                "return echarts.getInstanceByDom(arguments[0]).getOption().animation",
                driver.findElement(By.id("trend-chart"))))
        .as("the trend drawn without animation for a reader who asked for less motion")
        .isEqualTo(false);
    // The chart code for the routes still to come, on data of the documented shape.
    script(
        "window.RisheDashboard.renderImpact([{name: 'PRG01 · dropout', outcome: {estimate:"
            + " {estimate: -0.12, low: -0.2, high: -0.04}, naiveDifference: -0.2}}])");
    assertChartDrawn("impact-chart");
    // why an outcome has no estimate, listed under the chart
    script(
        "window.RisheDashboard.renderImpactGaps(['PRG01 · reading_score: 1,500 enrolled, 0 with"
            + " the outcome in the follow-up window 30-365 days'])");
    assertThat(driver.findElement(By.id("impact-gaps")).getText())
        .contains("Without an estimate", "PRG01 · reading_score: 1,500 enrolled");
    screenshot("leadership");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void plannerPageListsProblemsAndDrawsADraggableCausalGraph() throws IOException {
    open("planner", server.keys.get(Role.PLANNER));

    wait.until(d -> d.findElements(By.cssSelector("#problem-select option")).size() == 3);
    // The test server publishes root causes, a graph and chains, so all three are drawn.
    wait.until(d -> !d.findElements(By.cssSelector("#root-causes-table tbody tr")).isEmpty());
    wait.until(d -> !d.findElements(By.cssSelector("#chains-list li")).isEmpty());
    assertChartDrawn("graph-chart");

    assertThat(driver.findElement(By.id("problem-select")).getText()).contains("Child labour");
    assertThat(driver.findElement(By.id("region-select")).getText())
        .contains("Capital District", "Green Valley");
    // factors the catalogue does not label are named by the causal graph; every evidence grade in
    // words, "insufficient data" too
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("root-causes-table"), "Out of school"));
    assertThat(driver.findElement(By.id("root-causes-table")).getText())
        .contains("Parent illiterate", "strong", "insufficient data")
        // out_of_school's total effect, a risk ratio with its interval
        .contains("Total effect (risk ratio)", "2.1 [1.5 – 2.9]");
    // the fixture's chains: a directed one with intervals and 11620 people, then a possible one
    // whose link age_band -- out_of_school the graph leaves undirected
    wait.until(d -> !d.findElements(By.cssSelector("#chains-list .undirected")).isEmpty());
    List<WebElement> chains = driver.findElements(By.cssSelector("#chains-list > li"));
    assertThat(chains.get(0).getText())
        .contains("Parent illiterate → Out of school → Child labour")
        .contains("total 0.40 (0.30 to 0.50)")
        .contains("direct 0.10 (0.02 to 0.18)")
        .contains("indirect 0.30 (0.21 to 0.39)")
        .contains("n = 11,620")
        .contains("5,210 families")
        .doesNotContain("possible");
    assertThat(chains.get(1).getText())
        .contains("Age band — Out of school → Child labour")
        .contains("total 0.00 (-0.09 to 0.10)")
        .contains("n = 9,870");
    WebElement badge = chains.get(1).findElement(By.cssSelector(".badge.possible"));
    assertThat(badge.getText()).isEqualTo("possible");
    assertThat(badge.getAttribute("title"))
        .isEqualTo("some links' direction could not be decided from the data; read forward");
    assertThat(badge.getAttribute("aria-describedby")).isEqualTo("chains-help");
    assertThat(driver.findElement(By.id("chains-help")).getText())
        .contains("possible chain")
        .contains("risk differences")
        .contains("clustered by family")
        .contains("same data");
    // a run from before risk differences: its chains' help names the log-odds scale
    script(
        "window.RisheDashboard.renderChains([{rank: 1, path: ['out_of_school', 'child_labour'],"
            + " direct: 0.2, indirect: 0.1, total: 0.3, directed: true}], {})");
    assertThat(driver.findElement(By.id("chains-help")).getText())
        .contains("log-odds")
        .doesNotContain("risk differences (");
    assertThat(driver.findElement(By.id("graph-message")).isDisplayed()).isFalse();
    script(
        "window.RisheDashboard.renderGraph({nodes: [{id: 'poverty', kind: 'factor'},"
            + " {id: 'dropout', kind: 'factor'}, {id: 'child_labour', kind: 'problem'}],"
            + " edges: [{from: 'poverty', to: 'dropout', directed: true, stability: 0.9},"
            + " {from: 'dropout', to: 'child_labour', directed: false, stability: 0.3}]})");
    assertChartDrawn("graph-chart");
    screenshot("planner");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void donorPageShowsTheJourneyAsATimelineWithDatesAndFlags() throws IOException {
    open("donor", server.dependencies.keys().create(Role.DONOR, "donorA"));

    driver.findElement(By.id("donation-id")).sendKeys("D1");
    driver.findElement(By.id("donation-submit")).click();
    wait.until(d -> d.findElements(By.cssSelector("#journey-timeline li")).size() == 2);

    String timeline = driver.findElement(By.id("journey-timeline")).getText();
    assertThat(timeline).contains("Received", "1 January 2025", "Delivered", "11 January 2025");
    assertThat(timeline).contains("10 days");
    assertThat(driver.findElement(By.id("journey-facts")).getText())
        .contains("Programme PRG01", "Delivered");
    screenshot("donor");

    driver.findElement(By.id("jalali")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("journey-timeline"), "1403"));
    assertThat(driver.findElement(By.id("journey-timeline")).getText()).contains("Dey 1403");
    driver.findElement(By.id("donation-id")).clear();
    driver.findElement(By.id("donation-id")).sendKeys("D2");
    driver.findElement(By.id("donation-submit")).click();
    assertThat(visible("journey-message").getText())
        .isEqualTo(
            "Not available on this server yet — no donation with this id that this key may see;"
                + " check the donation id on the receipt");
    screenshot("donor-jalali");
    // the donation is in the address: back shows D1's journey again, a link opens it
    assertThat(driver.getCurrentUrl()).endsWith("#/donor?donation=D2");
    driver.navigate().back();
    wait.until(d -> d.getCurrentUrl().endsWith("#/donor?donation=D1"));
    wait.until(d -> d.findElements(By.cssSelector("#journey-timeline li")).size() == 2);
    assertThat(driver.findElement(By.id("donation-id")).getAttribute("value")).isEqualTo("D1");
    assertThat(driver.findElement(By.id("journey-message")).isDisplayed()).isFalse();
    driver.get(base + "/#/donor");
    wait.until(d -> d.findElements(By.cssSelector("#journey-timeline li")).isEmpty());
    assertThat(driver.findElement(By.id("donation-id")).getAttribute("value")).isEmpty();
    driver.get(base + "/#/donor?donation=D1");
    wait.until(d -> d.findElements(By.cssSelector("#journey-timeline li")).size() == 2);
    assertNoRawKeys();
    assertNoConsoleErrors(); // the 404 above is expected: filtered by its path below
  }

  @Test
  void myGivingShowsTheDonorsDonationsAndPledgesWithTimelinesInBothLanguages() throws IOException {
    String g1 = NeedsFixture.REFS.ref("need-G1");
    String g1b = NeedsFixture.REFS.ref("need-G1b");
    // the needs board's Pledge button pledges the whole need once, with an Idempotency-Key; a
    // pledged need (G1b) has none
    open("needs", server.dependencies.keys().create(Role.DONOR, "donorA"));
    By pledge = By.cssSelector("#needs-table button[data-need='" + g1 + "']");
    wait.until(d -> !d.findElements(pledge).isEmpty());
    assertThat(driver.findElements(By.cssSelector("button[data-need='" + g1b + "']"))).isEmpty();
    driver.findElement(pledge).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(pledge, "Pledged"));
    List<Pledge> pledges = PledgeLog.read(server.layout.pledgeLog());
    assertThat(pledges).hasSize(1);
    assertThat(pledges.get(0).donorId()).isEqualTo("donorA");
    assertThat(pledges.get(0).needRef()).isEqualTo(g1);
    assertThat(pledges.get(0).needId()).isEqualTo("need-G1");
    assertThat(pledges.get(0).amount()).isEqualTo(1_000_000.0);
    // the log keeps the SHA-256 of the page's Idempotency-Key, not the key
    assertThat(pledges.get(0).idempotencyKey()).isNull();
    assertThat(pledges.get(0).idempotencyKeySha256()).matches("[0-9a-f]{64}");
    assertNoRefusalShown();

    driver.get(base + "/#/giving");
    // DashboardFixture's donations of donorA: D1 (programme PRG01, received 1 January 2025,
    // delivered ten days later), D3 (need-G1, on the board) and D4 (a need met since)
    wait.until(d -> d.findElements(By.cssSelector("#donations-list li.donation")).size() == 3);
    assertThat(visibleViews()).containsExactly("donor", "giving", "needs");
    assertThat(driver.findElement(By.id("nav-giving")).getText()).isEqualTo("My giving");
    String card = driver.findElement(By.cssSelector("li.donation[data-donation='D1']")).getText();
    assertThat(card)
        .contains("D1", "Programme PRG01", "Current stage: Delivered", "Days in this stage")
        .contains("Received", "1 January 2025", "Delivered", "11 January 2025", "10 days");
    assertThat(driver.findElement(By.cssSelector("li.donation[data-donation='D3']")).getText())
        .contains("Need " + g1)
        .doesNotContain("need-G1");
    assertThat(driver.findElement(By.cssSelector("li.donation[data-donation='D4']")).getText())
        .contains("Need")
        .doesNotContain("need-met");
    // the pledge awaits its donation: D3 was received before it
    wait.until(d -> d.findElements(By.cssSelector("#pledges-table tbody tr")).size() == 1);
    assertThat(driver.findElement(By.id("pledges-table")).getText())
        .contains(g1, "1,000,000 IRR", "Pledged", "awaiting the donation");
    assertThat(assertCsvIsTheTable("pledges-table").get(1))
        .hasSize(6)
        .contains(g1, "1,000,000 IRR", "Pledged", "awaiting the donation");
    assertNoRefusalShown();
    screenshot("giving");
    assertNoRawKeys();

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("pledges-table"), "تعهد شد"));
    assertThat(driver.findElement(By.id("nav-giving")).getText()).isEqualTo("کمک‌های من");
    assertThat(driver.findElement(By.id("pledges-table")).getText())
        .contains("۱٬۰۰۰٬۰۰۰ IRR", "در انتظار رسیدن کمک");
    assertThat(driver.findElement(By.id("donations-list")).getText())
        .contains("برنامه", "دریافت شد", "تحویل شد");
    assertNoLatinDigits("#pledges-table", "#donations-list");
    screenshot("giving-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void volunteerPageListsOwnMatchesWithReasonsAndRegistersInterestInBothLanguages()
      throws IOException {
    // a volunteer asking for another view is taken to their matches, their only view
    open("leadership", server.keys.get(Role.VOLUNTEER));
    wait.until(d -> d.getCurrentUrl().endsWith("#/volunteer"));
    wait.until(d -> d.findElements(By.cssSelector("#matches-table tbody tr")).size() == 2);
    assertThat(visibleViews()).containsExactly("volunteer");
    assertThat(driver.findElement(By.id("nav-volunteer")).getText()).isEqualTo("My matches");
    List<WebElement> rows = driver.findElements(By.cssSelector("#matches-table tbody tr"));
    assertThat(rows.get(0).getText())
        .contains("PRG01")
        .contains("you are interested in education support")
        .contains("4 active participants in R01")
        .contains(
            "2 participants per volunteer interested in education support in R01, the most"
                + " stretched in the region");
    assertThat(rows.get(1).getText()).contains("PRG04", "6 active participants in R01");
    // as CSV: the reasons of a match in one field, the buttons' column left out
    List<List<String>> csv = assertCsvIsTheTable("matches-table");
    assertThat(csv.get(0)).containsExactly("#", "Programme", "Score", "Why");
    assertThat(csv.get(1).get(3))
        .startsWith("you are interested in education support; 4 active participants in R01; ");

    driver.findElement(By.cssSelector("#matches-table button[data-program='PRG01']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#matches-table button[data-program='PRG01']"), "Interest registered"));
    List<Interest> stored = InterestLog.read(server.layout.interestLog());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).volunteerId()).isEqualTo("V1");
    assertThat(stored.get(0).programId()).isEqualTo("PRG01");
    assertThat(stored.get(0).idempotencyKey()).isNull();
    assertThat(stored.get(0).idempotencyKeySha256()).matches("[0-9a-f]{64}");
    assertNoRefusalShown();
    screenshot("volunteer");
    assertNoRawKeys();

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("matches-table"), "علاقه دارید"));
    assertThat(driver.findElement(By.id("nav-volunteer")).getText()).isEqualTo("برنامه‌های من");
    assertThat(driver.findElement(By.id("matches-table")).getText())
        .contains("به حمایت تحصیلی علاقه دارید")
        .contains("۴ شرکت‌کننده فعال در R01")
        .contains("پرفشارترین برنامه منطقه");
    assertNoLatinDigits("#matches-table");
    // the interest registered before the page was redrawn in Persian stays marked
    assertThat(
            driver
                .findElement(By.cssSelector("#matches-table button[data-program='PRG01']"))
                .getText())
        .isEqualTo("علاقه ثبت شد");
    driver.findElement(By.cssSelector("#matches-table button[data-program='PRG04']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#matches-table button[data-program='PRG04']"), "علاقه ثبت شد"));
    assertThat(InterestLog.read(server.layout.interestLog()))
        .extracting(Interest::programId)
        .containsExactly("PRG01", "PRG04");
    screenshot("volunteer-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void languageSwitchTurnsThePageRightToLeftWithPersianLabelsFromTheCatalogue() throws IOException {
    open("planner", server.keys.get(Role.PLANNER));
    wait.until(d -> d.findElements(By.cssSelector("#problem-select option")).size() == 3);

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("problem-select"), "کار کودک"));

    assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fa");
    assertThat(driver.findElement(By.id("nav-planner")).getText()).isEqualTo("برنامه‌ریزی");
    assertThat(driver.findElement(By.id("lang-toggle")).getText()).isEqualTo("English");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chains-list"), "احتمالی"));
    assertThat(driver.findElement(By.id("chains-list")).getText())
        .contains("کل ۰٫۴۰ (۰٫۳۰ تا ۰٫۵۰)")
        .contains("والد بی‌سواد ← خارج از مدرسه ← کار کودک");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("root-causes-table"), "خارج از مدرسه"));
    assertThat(driver.findElement(By.id("root-causes-table")).getText())
        .contains("والد بی‌سواد", "قوی", "داده ناکافی", "اثر کل (نسبت خطر)");
    // the graph's nodes and legend in Persian (the chart is a canvas: read its option)
    assertThat(
            script(
                "return echarts.getInstanceByDom(document.getElementById('graph-chart'))"
                    + ".getOption().series[0].data.map(function (d) { return d.name; })"))
        .asList()
        .contains("گروه سنی", "والد بی‌سواد", "کار کودک");
    assertThat(
            script(
                "return echarts.getInstanceByDom(document.getElementById('graph-chart'))"
                    + ".getOption().legend[0].data"))
        .asList()
        .contains("عامل", "مشکل");
    assertNoLatinDigits("#root-causes-table", "#chains-list");
    // the chains' numbers are the list's markers, drawn by CSS
    assertThat(
            script("return getComputedStyle(document.getElementById('chains-list')).listStyleType"))
        .isEqualTo("persian");
    screenshot("planner-fa");
    driver.get(base + "/#/leadership");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpis"), "پرونده"));
    assertChartDrawn("trend-chart");
    wait.until(d -> !d.findElements(By.cssSelector("#hotspots-table tbody tr")).isEmpty());
    assertChartDrawn("impact-chart");
    // Jalali by default in Persian: the trend's Jalali months, June 2024 as the Jalali months it
    // spans
    assertThat(driver.findElement(By.id("jalali")).isSelected()).isTrue();
    assertThat(axisLabels("trend-chart")).contains("دی ۱۴۰۲", "بهمن ۱۴۰۲");
    assertThat(driver.findElement(By.id("hotspots-table")).getText()).contains("خرداد – تیر ۱۴۰۳");
    // cases opened in Dey 1402: 3
    assertThat(tooltip("trend-chart")).contains("دی ۱۴۰۲", "۳");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("occasions-table"), "شب یلدا"));
    // Yalda week 1403: 24 to 30 Azar
    assertThat(driver.findElement(By.id("occasions-table")).getText()).contains("۲۴ آذر ۱۴۰۳");
    assertNoLatinDigits("#kpis", "#hotspots-table", "#occasions-table");
    assertThat(axisLabels("impact-chart")).isNotEmpty();
    assertThat(
            String.join(" ", axisLabels("trend-chart"))
                + String.join(" ", axisLabels("impact-chart")))
        .as("axis labels in Persian")
        .doesNotContainPattern("[0-9]");
    assertNoRawKeys();
    screenshot("leadership-fa");
    // the user may still choose the Gregorian calendar in Persian
    driver.findElement(By.id("jalali")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("hotspots-table"), "ژوئن ۲۰۲۴"));
    wait.until(d -> axisLabels("trend-chart").stream().anyMatch(l -> l.contains("۲۰۲۴")));

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> "ltr".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
    assertThat(driver.findElement(By.id("nav-leadership")).getText()).isEqualTo("Leadership");
    // back in English, the English default: Gregorian
    assertThat(driver.findElement(By.id("jalali")).isSelected()).isFalse();
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void eachRoleSeesOnlyTheViewsItMayUseAndNoRefusal() throws IOException {
    // a researcher asking for the leadership view is taken to the planner view, its only one
    open("leadership", server.keys.get(Role.RESEARCHER));
    wait.until(d -> !visibleViews().isEmpty());
    assertThat(visibleViews()).containsExactly("planner");
    wait.until(d -> !d.findElements(By.cssSelector("#root-causes-table tbody tr")).isEmpty());
    wait.until(d -> !d.findElements(By.cssSelector("#chains-list li")).isEmpty());
    assertThat(visibleViews()).containsExactly("planner");
    assertThat(driver.getCurrentUrl()).endsWith("#/planner");
    assertNoRefusalShown();
    screenshot("planner-researcher");
    assertNoConsoleErrors();

    // a donor sees the donor views (a journey, their giving) and the needs board only, whatever the
    // address asks for
    open("planner", server.keys.get(Role.DONOR));
    wait.until(d -> !visibleViews().isEmpty());
    visible("donation-id");
    assertThat(visibleViews()).containsExactly("donor", "giving", "needs");
    driver.get(base + "/#/leadership");
    wait.until(d -> d.getCurrentUrl().endsWith("#/donor"));
    visible("donation-id");
    assertThat(visibleViews()).containsExactly("donor", "giving", "needs");
    assertThat(driver.findElement(By.id("page-leadership")).isDisplayed()).isFalse();
    assertNoRefusalShown();
    screenshot("donor-only");
    assertNoConsoleErrors();

    // a planner: leadership, planner and the needs board, not the donor view
    open("donor", server.keys.get(Role.PLANNER));
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    assertThat(visibleViews()).containsExactly("leadership", "planner", "needs");
    assertNoRefusalShown();
    assertNoConsoleErrors();

    open("leadership", server.keys.get(Role.LEADERSHIP));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    assertThat(visibleViews()).containsExactly("leadership", "planner", "donor", "needs");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void needsPageListsTheBoardWithFiltersInEnglishAndPersian() throws IOException {
    open("needs", server.keys.get(Role.DONOR));
    By rows = By.cssSelector("#needs-table tbody tr");
    wait.until(d -> d.findElements(rows).size() == NeedsFixture.NEEDS.size());

    String board = driver.findElement(By.id("needs-table")).getText();
    assertThat(board)
        .contains(NeedsFixture.REFS.ref("need-G3"), "School fees", "Medical care", "R02", "PRG03")
        .contains("6–11", "girl or woman", "Open", "Pledged", "3,000,000")
        .doesNotContain("need-", "boy or man");
    assertThat(visibleViews()).containsExactly("donor", "giving", "needs");
    new Select(driver.findElement(By.id("needs-kind"))).selectByValue("medical");
    wait.until(d -> d.findElements(rows).size() == 11);
    wait.until(d -> d.findElements(By.cssSelector("#needs-region option")).size() == 4);
    new Select(driver.findElement(By.id("needs-kind"))).selectByValue("");
    new Select(driver.findElement(By.id("needs-region"))).selectByValue("R01");
    // R01: the twelve needs of the eleven girls, the ten boys' and a family's rent
    wait.until(d -> d.findElements(rows).size() == 23);
    screenshot("needs");
    assertNoRawKeys();
    assertNoRefusalShown();
    assertNoConsoleErrors();

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("needs-table"), "شهریه مدرسه"));
    assertThat(driver.findElements(rows)).hasSize(23);
    assertThat(driver.findElement(By.id("needs-table")).getText())
        .contains("دختر یا زن", "اجاره خانه", "۶–۱۱")
        .doesNotContain("School fees");
    assertNoLatinDigits("#needs-table tbody");
    screenshot("needs-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void aLeadershipAddressWithFiltersOpensThatViewAndFiltersChangedAreWrittenBack()
      throws IOException {
    open(
        "leadership?region=R01&from=2024-02&to=2024-06&program=PRG01&metric=casesResolved",
        server.keys.get(Role.LEADERSHIP));

    // R01 in February 2024 only: 2 cases opened (7 over all regions and months)
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "2"));
    assertThat(driver.findElement(By.id("kpi-casesOpened")).getText()).startsWith("2\n");
    assertThat(selected("leadership-region")).isEqualTo("R01");
    assertThat(value("period-from")).isEqualTo("2024-02");
    assertThat(value("period-to")).isEqualTo("2024-06");
    assertThat(selected("trend-metric")).isEqualTo("casesResolved");
    wait.until(d -> "PRG01".equals(selected("leadership-program")));
    assertChartDrawn("trend-chart");
    wait.until(d -> axisLabels("trend-chart").contains("February 2024"));
    assertThat(axisLabels("trend-chart")).doesNotContain("January 2024");
    assertThat(tooltip("trend-chart")).contains("February 2024", "Cases resolved: 2");
    wait.until(d -> !d.findElements(By.cssSelector("#hotspots-table tbody tr")).isEmpty());
    assertThat(driver.findElement(By.id("hotspots-table")).getText())
        .contains("Capital District", "June 2024");
    assertChartDrawn("impact-chart");
    assertThat(driver.getCurrentUrl())
        .endsWith(
            "#/leadership?region=R01&from=2024-02&to=2024-06&program=PRG01&metric=casesResolved");

    // all regions: R02's case joins; the address follows
    new Select(driver.findElement(By.id("leadership-region"))).selectByValue("");
    wait.until(
        d ->
            d.getCurrentUrl()
                .endsWith(
                    "#/leadership?from=2024-02&to=2024-06"
                        + "&program=PRG01&metric=casesResolved"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "3"));
    // the period from January: R01 and R02, 7 cases
    setMonth("period-from", "2024-01");
    wait.until(d -> d.getCurrentUrl().contains("from=2024-01&to=2024-06"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));

    // back and forward move between the views
    driver.navigate().back();
    wait.until(d -> d.getCurrentUrl().contains("from=2024-02&to=2024-06"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "3"));
    assertThat(value("period-from")).isEqualTo("2024-02");
    driver.navigate().back();
    wait.until(d -> d.getCurrentUrl().contains("region=R01"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "2"));
    wait.until(d -> "R01".equals(selected("leadership-region")));
    driver.navigate().forward();
    wait.until(d -> !d.getCurrentUrl().contains("region="));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "3"));
    assertThat(selected("leadership-region")).isEmpty();

    // a programme with no estimate: the chart gives way to a message
    new Select(driver.findElement(By.id("leadership-program"))).selectByValue("PRG04");
    wait.until(d -> d.getCurrentUrl().contains("program=PRG04"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("impact-message"), "Nothing to show"));
    assertNoRefusalShown(); // before Jalali dates: 1403 holds "403"
    // in the Jalali calendar the period is the Jalali months that cover it, Bahman 1402 (3 cases
    // in R01, 1 in R02) to Tir 1403
    driver.findElement(By.id("jalali")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "4"));
    wait.until(d -> axisLabels("trend-chart").stream().anyMatch(l -> l.startsWith("Bahman 1402")));
    assertThat(axisLabels("trend-chart")).noneMatch(l -> l.startsWith("Dey"));
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void anAddressThePageCannotUseFallsBackToTheDefaults() {
    // a region with no data, months that do not exist, a programme id that is not one, a measure
    // and a language the page does not know
    open(
        "leadership?region=R99&from=2024-13&to=soon&program=%3Cscript%3E&metric=nope&lang=xx",
        server.keys.get(Role.LEADERSHIP));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership"));
    assertThat(selected("leadership-region")).isEmpty();
    assertThat(value("period-from")).isEmpty();
    assertThat(selected("trend-metric")).isEqualTo("casesOpened");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertChartDrawn("trend-chart");
    assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();

    // a period whose end is before its start: both dropped
    driver.get(base + "/#/leadership?from=2024-06&to=2024-01&region=R02");
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?region=R02"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "1"));

    // a problem the catalogue does not know: the first problem, the region kept
    driver.get(base + "/#/planner?problem=no_such_problem&region=R01&colour=blue");
    wait.until(d -> d.getCurrentUrl().endsWith("#/planner?region=R01"));
    wait.until(d -> "R01".equals(selected("region-select")));
    assertThat(selected("problem-select")).isEqualTo("child_labour");
    wait.until(d -> d.findElements(By.cssSelector("#root-causes-table tbody tr")).size() == 1);

    // a view that does not exist: the key's first
    driver.get(base + "/#/nowhere?region=R01");
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void aPlannerAddressInPersianOpensTheRegionsRootCausesAndAHotspotDrillsDownToIt()
      throws IOException {
    open("planner?problem=child_labour&region=R01&lang=fa", server.keys.get(Role.PLANNER));
    wait.until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
    By rows = By.cssSelector("#root-causes-table tbody tr");
    // R01's one factor: parent illiterate, total effect 1.8
    wait.until(d -> d.findElements(rows).size() == 1);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("root-causes-table"), "والد بی‌سواد"));
    assertThat(selected("region-select")).isEqualTo("R01");
    assertThat(driver.findElement(By.id("root-causes-table")).getText()).contains("۱٫۸");
    assertThat(driver.getCurrentUrl())
        .endsWith("#/planner?problem=child_labour&region=R01&lang=fa");

    new Select(driver.findElement(By.id("region-select"))).selectByValue("");
    wait.until(d -> d.getCurrentUrl().endsWith("#/planner?problem=child_labour&lang=fa"));
    wait.until(d -> d.findElements(rows).size() == 3);
    // the language is a step in the history too: back to Persian after English
    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/planner?problem=child_labour&lang=en"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("root-causes-table"), "Parent illiterate"));
    driver.navigate().back();
    wait.until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("root-causes-table"), "والد بی‌سواد"));
    screenshot("planner-from-url-fa");
    assertNoRawKeys();

    // a hotspot's region opens the planner view on that region (its problem, malnutrition, is not
    // in the catalogue: the first problem instead)
    driver.get(base + "/#/leadership?lang=en");
    By hotspot = By.cssSelector("#hotspots-table tbody tr a.drill");
    wait.until(d -> !d.findElements(hotspot).isEmpty());
    assertThat(driver.findElement(hotspot).getAttribute("href"))
        .endsWith("#/planner?problem=malnutrition&region=R01&lang=en");
    driver.findElement(hotspot).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/planner?region=R01&lang=en"));
    wait.until(d -> "R01".equals(selected("region-select")));
    wait.until(d -> d.findElements(rows).size() == 1);
    assertThat(driver.findElement(By.id("page-planner")).isDisplayed()).isTrue();
    driver.navigate().back();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?lang=en"));
    visible("kpis");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void aKeyFigureAProgrammesBarAndAProblemsNodeDrillDownThroughTheAddress() {
    open("leadership?region=R01", server.keys.get(Role.LEADERSHIP));
    By resolved = By.id("kpi-casesResolved");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(resolved, "Cases resolved"));
    assertThat(driver.findElement(resolved).getAttribute("href"))
        .endsWith("#/leadership?region=R01&metric=casesResolved");
    // a key figure opens its trend
    driver.findElement(resolved).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?region=R01&metric=casesResolved"));
    assertThat(selected("trend-metric")).isEqualTo("casesResolved");
    wait.until(d -> tooltip("trend-chart").contains("Cases resolved"));
    // a figure without a trend is no link
    assertThat(driver.findElement(By.id("kpi-completionRate")).getTagName()).isEqualTo("div");

    // a programme's bar opens its impact page; its tooltip (with no arrow styled inline, which the
    // CSP would refuse) gives the method and the sample sizes
    assertChartDrawn("impact-chart");
    assertThat(tooltip("impact-chart")).contains("Method: doubly robust", "n = 1,500 enrolled");
    clickChartItem("impact-chart", "[0, chart.getOption().series[0].data[0] / 2]");
    wait.until(d -> d.getCurrentUrl().endsWith("#/program?id=PRG01"));
    wait.until(
        d -> !d.findElements(By.cssSelector("#program-outcomes .methods tbody tr")).isEmpty());

    // a problem's node in the causal graph shows that problem's root causes
    driver.get(base + "/#/planner");
    wait.until(d -> !d.findElements(By.cssSelector("#root-causes-table tbody tr")).isEmpty());
    assertChartDrawn("graph-chart");
    script(
        "window.RisheDashboard.renderGraph({nodes: [{id: 'dropout', kind: 'problem'}], edges:"
            + " []})");
    // the force layout moves the node a while: clicked where it is until it answers
    wait.until(
        d -> {
          clickChartItem(
              "graph-chart", "chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0)");
          return d.getCurrentUrl().endsWith("#/planner?problem=dropout");
        });
    assertThat(selected("problem-select")).isEqualTo("dropout");
    // no root causes of dropout in the fixture: its chain
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chains-list"), "n = 7"));
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void eachTableDownloadsAsACsvOfTheRowsAndColumnsShownInBothLanguages() throws IOException {
    open("leadership", server.keys.get(Role.LEADERSHIP));
    wait.until(d -> !d.findElements(By.cssSelector("#hotspots-table tbody tr")).isEmpty());
    WebElement button =
        visible("hotspots-table").findElement(By.xpath("following-sibling::button[1]"));
    assertThat(button.getText()).isEqualTo("Download CSV");
    assertThat(downloadCsv("hotspots-table"))
        .isEqualTo(
            "\uFEFFRegion,Problem,Month,Observed,Expected,Score\r\n"
                + "Capital District,malnutrition,June 2024,12,3.1,6.2\r\n");
    assertThat(script("return window.__csvName")).isEqualTo("rishe-hotspots.csv");
    // the occasions' rate ratios with their intervals and n, as shown
    wait.until(d -> !d.findElements(By.cssSelector("#occasions-table tbody tr")).isEmpty());
    List<List<String>> occasions = assertCsvIsTheTable("occasions-table");
    assertThat(occasions.get(0)).contains("Rate ratio (95% CI)", "n");
    assertThat(occasions).anySatisfy(row -> assertThat(row).contains("6.4 [0.61 – 39.09]"));

    // root causes in a region: the file is named after the filters
    driver.get(base + "/#/planner?problem=child_labour");
    wait.until(d -> d.findElements(By.cssSelector("#root-causes-table tbody tr")).size() == 3);
    List<List<String>> factors = assertCsvIsTheTable("root-causes-table");
    assertThat(String.join(" | ", factors.get(0)))
        .isEqualTo(
            "# | Factor | Relative risk | Adjusted odds ratio | Total effect (risk ratio) |"
                + " Attributable fraction | q (total effect) | Evidence | Exposed cases");
    assertThat(factors).anySatisfy(row -> assertThat(row).contains("2.1 [1.5 – 2.9]"));
    // learning difficulty: no total effect, shown and written as a dash
    assertThat(factors)
        .anySatisfy(row -> assertThat(row).contains("insufficient data").element(4).isEqualTo("–"));
    assertThat(script("return window.__csvName")).isEqualTo("rishe-root-causes-child_labour.csv");

    // the needs board: the pledge buttons' column left out, an age band and sex withheld from a
    // small group stay withheld (the dash the table shows)
    open("needs?region=R01", server.keys.get(Role.DONOR));
    wait.until(d -> d.findElements(By.cssSelector("#needs-table tbody tr")).size() == 23);
    List<List<String>> needs = assertCsvIsTheTable("needs-table");
    assertThat(String.join(" | ", needs.get(0)))
        .isEqualTo(
            "Reference | Kind of need | Amount | Region | Programme | Age | Sex | Days open | Status");
    assertThat(needs).hasSize(24);
    assertThat(needs.subList(1, needs.size()))
        .allSatisfy(row -> assertThat(row.get(3)).isEqualTo("R01"))
        .anySatisfy(row -> assertThat(row.get(6)).isEqualTo("–"))
        .noneSatisfy(row -> assertThat(row.get(6)).isEqualTo("boy or man"));
    assertThat(String.join(",", needs.stream().flatMap(List::stream).toList()))
        .doesNotContain("need-");

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("needs-table"), "شهریه مدرسه"));
    WebElement persian = driver.findElement(By.cssSelector("button.csv[data-table='needs-table']"));
    assertThat(persian.getText()).isEqualTo("بارگیری CSV");
    List<List<String>> fa = assertCsvIsTheTable("needs-table");
    assertThat(fa.get(0)).contains("نوع نیاز", "منطقه");
    assertThat(fa).hasSize(24);
    screenshot("needs-csv-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void aRejectedKeyIsAskedForAgainWithAReadableMessage() throws IOException {
    open("leadership", "rk_nobody_wrong");

    WebElement error = visible("error");

    assertThat(error.getText()).isEqualTo("The key was not accepted; enter it again");
    assertThat(driver.findElement(By.id("key-panel")).isDisplayed()).isTrue();
    assertThat(script("return sessionStorage.getItem('rishe.key')")).isNull();
    driver.manage().logs().get(LogType.BROWSER); // the 401s are the point of this test
  }

  @Test
  void periodPresetsWriteTheirMonthsToTheAddressAndTheFiguresFollowInBothLanguages()
      throws IOException {
    open("leadership", server.keys.get(Role.LEADERSHIP));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    // the page's Jalali conversion on known days: 1 Farvardin 1404 and 1403, the eves before
    assertThat(jalali("2025-03-21")).isEqualTo("1404-01-01");
    assertThat(jalali("2025-03-20")).isEqualTo("1403-12-30");
    assertThat(jalali("2024-03-20")).isEqualTo("1403-01-01");
    assertThat(jalali("2024-03-19")).isEqualTo("1402-12-29");
    // a Jalali year is April to February, the Gregorian months within Farvardin to Esfand; in
    // March, the year ending
    assertThat(preset("year", "2025-03", false)).isEqualTo("2024-04 2025-02");
    assertThat(preset("year", "2025-04", false)).isEqualTo("2025-04 2025-04");
    assertThat(preset("quarter", "2024-11", false)).isEqualTo("2024-10 2024-11");
    assertThat(preset("month", "2024-11", false)).isEqualTo("2024-11 2024-11");
    // with the Jalali calendar a quarter is a season: March is in Esfand, Dey to Esfand is
    // January and February
    assertThat(preset("quarter", "2024-03", true)).isEqualTo("2024-01 2024-02");
    assertThat(preset("quarter", "2024-04", true)).isEqualTo("2024-04 2024-04");

    // the fixture's latest month is February 2024: 3 cases opened in it, 7 since January
    assertThat(pressedPreset()).isEmpty();
    driver.findElement(By.cssSelector("button.preset[data-preset='month']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2024-02&to=2024-02"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "3"));
    assertThat(value("period-from")).isEqualTo("2024-02");
    assertThat(value("period-to")).isEqualTo("2024-02");
    wait.until(d -> "month".equals(pressedPreset()));
    wait.until(d -> axisLabels("trend-chart").contains("February 2024"));
    assertThat(axisLabels("trend-chart")).doesNotContain("January 2024");
    driver.findElement(By.cssSelector("button.preset[data-preset='quarter']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2024-01&to=2024-02"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "7"));
    wait.until(d -> "quarter".equals(pressedPreset()));
    driver.findElement(By.cssSelector("button.preset[data-preset='year']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2023-04&to=2024-02"));
    wait.until(d -> "year".equals(pressedPreset()));
    wait.until(d -> axisLabels("trend-chart").contains("April 2023"));
    assertThat(driver.findElement(By.id("kpi-casesOpened")).getText()).startsWith("7\n");
    // back: the quarter again; a month chosen by hand is a custom period
    driver.navigate().back();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2024-01&to=2024-02"));
    wait.until(d -> "quarter".equals(pressedPreset()));
    setMonth("period-from", "2024-02");
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2024-02&to=2024-02"));
    wait.until(d -> "month".equals(pressedPreset()));
    setMonth("period-to", "2024-03");
    wait.until(d -> "custom".equals(pressedPreset()));
    assertNoRawKeys();

    // in Persian, with the Jalali calendar: the Jalali year is Farvardin to Esfand 1402 exactly
    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
    WebElement year = driver.findElement(By.cssSelector("button.preset[data-preset='year']"));
    assertThat(year.getText()).isEqualTo("امسال (سال خورشیدی)");
    year.click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2023-04&to=2024-02&lang=fa"));
    wait.until(d -> axisLabels("trend-chart").contains("فروردین ۱۴۰۲"));
    assertThat(axisLabels("trend-chart")).contains("اسفند ۱۴۰۲").doesNotContain("اسفند ۱۴۰۱");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "۷"));
    // this quarter in the Jalali calendar: the season Dey to Esfand 1402
    driver.findElement(By.cssSelector("button.preset[data-preset='quarter']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2024-01&to=2024-02&lang=fa"));
    // the year's chart held Dey too: wait for the quarter's, without Azar
    wait.until(
        d ->
            axisLabels("trend-chart").contains("دی ۱۴۰۲")
                && !axisLabels("trend-chart").contains("آذر ۱۴۰۲"));
    assertThat(axisLabels("trend-chart")).contains("اسفند ۱۴۰۲");
    // this month in the Jalali calendar: Bahman and Esfand 1402, which February spans (3 + 1)
    driver.findElement(By.cssSelector("button.preset[data-preset='month']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?from=2024-02&to=2024-02&lang=fa"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "۴"));
    driver.findElement(By.cssSelector("button.preset[data-preset='custom']")).click();
    wait.until(d -> "custom".equals(pressedPreset()));
    assertThat(script("return document.activeElement.id")).isEqualTo("period-from");
    assertNoLatinDigits("#kpis");
    screenshot("leadership-presets-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void aProgrammesRowOpensItsImpactPageWithEveryMethodAndBalanceInBothLanguages()
      throws IOException {
    open("leadership?region=R01", server.keys.get(Role.LEADERSHIP));
    By rows = By.cssSelector("#impact-table tbody tr");
    wait.until(d -> !d.findElements(rows).isEmpty());
    // the chart's estimates as a table, one row per programme and outcome
    assertThat(driver.findElement(rows).getText())
        .contains("Back to School", "School enrolment", "risk difference", "0.15 [0.12 – 0.18]")
        .contains("doubly robust", "1,500", "7,000");
    List<List<String>> csv = assertCsvIsTheTable("impact-table");
    assertThat(csv.get(0))
        .containsExactly(
            "Programme", "Outcome", "Scale", "Estimate", "Method", "n enrolled", "n comparison");
    driver.findElement(By.cssSelector("#impact-table tbody tr a.drill")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/program?id=PRG01"));
    By methods = By.cssSelector("#program-outcomes .methods tbody tr");
    wait.until(d -> d.findElements(methods).size() == 2);
    assertThat(driver.findElement(By.id("program-title")).getText())
        .isEqualTo("PRG01 · Back to School");
    assertThat(driver.findElement(By.id("program-facts")).getText())
        .contains("education support", "1,500", "45");
    // the headline method first, then every other with its interval and the groups' sizes
    assertThat(driver.findElements(methods).get(0).getText())
        .contains("doubly robust", "headline", "0.15 [0.12 – 0.18]", "1,500", "7,000");
    assertThat(driver.findElements(methods).get(1).getText())
        .contains("naive difference", "0.05 [0.02 – 0.08]");
    // the same as a chart: each method's estimate with its interval, described, saved as PNG
    assertChartDrawn("program-0-chart");
    assertThat(chartData("program-0-chart")).containsExactly(0.15, 0.05);
    assertThat(driver.findElement(By.id("program-0-chart")).getAttribute("aria-label"))
        .startsWith("Estimates of School enrolment by 2 methods, each with its 95% interval");
    hookDownloads();
    WebElement png = driver.findElement(By.cssSelector("#program-outcomes button.png"));
    assertThat(png.getAttribute("aria-label")).isEqualTo("Save as PNG: School enrolment");
    png.click();
    assertThat((String) script("return window.__downloadHref"))
        .startsWith("data:image/png;base64,");
    assertThat(script("return window.__downloadName")).isEqualTo("rishe-program-0-PRG01.png");
    String outcome = driver.findElement(By.cssSelector("#program-outcomes .outcome")).getText();
    assertThat(outcome)
        .contains("School enrolment · risk difference")
        .contains("n = 1,500 enrolled, 7,000 comparison (40 comparison trimmed)")
        .contains("Cost per outcome (95% CI): 300 [250 – 375]");
    // each covariate with in how many of the estimate's 6 propensity strata it is still unbalanced
    assertThat(driver.findElement(By.cssSelector("#program-outcomes .balance")).getText())
        .contains("Covariate", "Before adjustment", "Strata still unbalanced")
        .contains("out_of_school 0.45 0.02 2 of 6", "Age 0.1 -0.01 0 of 6");
    // a run published before the check has no such numbers
    assertThat(
            script(
                "return window.RisheDashboard.programOutcome({outcome: 'school_enrolled',"
                    + " outcomeType: 'risk_difference', method: 'doubly_robust', methods: [],"
                    + " balance: [{covariate: 'age', before: 0.1, after: -0.01}]})"
                    + ".querySelector('.balance tbody td:last-child').textContent"))
        .isEqualTo("–");
    // why two outcomes have no estimate, in the server's words from the run it serves
    // (PublishedRunFixture.writeProgramImpactGaps), each outcome by its label where it has one
    assertThat(driver.findElement(By.id("program-gaps")).getText())
        .contains("Without an estimate")
        .contains(
            "Reading score: 1,500 enrolled, 0 outcomes in the follow-up window of 30–365 days;"
                + " 7 observed outside it, at a median 400 days after enrolment")
        .contains(
            "wellbeing_score: 12 enrolled with the outcome in the window, fewer than the 20"
                + " needed");
    assertThat(driver.findElement(By.id("nav-leadership")).getAttribute("class"))
        .contains("active");
    screenshot("program");
    assertNoRawKeys();
    // back returns to the leadership view with its filters, in the language chosen since
    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/program?id=PRG01&lang=fa"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("program-outcomes"), "روش اصلی"));
    driver.findElement(By.id("program-back")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?region=R01&lang=fa"));
    wait.until(d -> !d.findElements(rows).isEmpty());
    wait.until(d -> "R01".equals(selected("leadership-region")));

    // a programme without an estimate, opened by its address, in Persian
    driver.get(base + "/#/program?id=PRG04&lang=fa");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("program-message"), "هیچ پیامدی از این برنامه برآورد ندارد"));
    assertThat(driver.findElement(By.id("program-title")).getText()).contains("PRG04");
    // why, in the server's Persian words with Persian digits (PublishedRunFixture: 900 enrolled)
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("program-gaps"),
            "۹۰۰ ثبت‌نام‌شده، هیچ‌کدام در دامنهٔ تحلیل نیست: هیچ‌کدام تاریخ یا سال تولدی ندارد"
                + " که سنی در دامنه هنگام ثبت‌نام بدهد"));
    assertThat(driver.findElement(By.id("program-gaps")).getText())
        .contains("بدون برآورد")
        .doesNotContain("enrolled");
    assertNoLatinDigits("#program-gaps");
    driver.get(base + "/#/program?id=PRG01&lang=fa");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("program-outcomes"), "روش اصلی"));
    // the two outcomes without an estimate, in Persian: 1,500 enrolled, 7 observed outside the
    // 30-365 day window at a median 400 days; 12 with the outcome, fewer than the 20 needed
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("program-gaps"),
            "نمره خواندن: ۱٬۵۰۰ ثبت‌نام‌شده، ۰ پیامد در پنجرهٔ پیگیری ۳۰ تا ۳۶۵ روز؛ ۷ بیرون از آن"
                + " مشاهده شده، با میانهٔ ۴۰۰ روز پس از ثبت‌نام"));
    assertThat(driver.findElement(By.id("program-gaps")).getText())
        .contains("wellbeing_score: ۱۲ ثبت‌نام‌شده با پیامد در پنجره، کمتر از ۲۰ نفر لازم")
        .doesNotContain("enrolled", "window", "needed");
    assertNoLatinDigits("#program-gaps");
    assertNoRawKeys();
    // the outcome by its catalogue label in Persian; covariates without a label by their code
    assertThat(driver.findElement(By.id("program-outcomes")).getText())
        .contains("ثبت‌نام در مدرسه", "دوگانه مقاوم", "۰٫۱۵", "تفاوت خطر", "پیش از تعدیل")
        .contains("out_of_school")
        .doesNotContain("school_enrolled");
    assertThat(driver.findElement(By.cssSelector("#program-outcomes .balance")).getText())
        .contains("طبقه‌های هنوز نامتوازن", "۲ از ۶", "۰ از ۶");
    assertThat(driver.findElement(By.id("program-back")).getText()).isEqualTo("بازگشت");
    assertChartDrawn("program-0-chart");
    assertThat(axisLabels("program-0-chart")).contains("دوگانه مقاوم", "تفاوت ساده");
    assertNoLatinDigits("#program-outcomes", "#program-facts");
    screenshot("program-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  /** Three programmes' estimates on two scales, drawn by the page's own code. */
  private static final String TWO_SCALES =
      "window.RisheDashboard.showImpact(["
          + "{name: 'Alpha · enrolled', program: 'PRG01', programName: 'Alpha', outcome:"
          + " {outcome: 'enrolled', outcomeType: 'risk_difference', method: 'doubly_robust',"
          + " estimate: {estimate: 0.1, low: 0.05, high: 0.15}, treated: 100, controls: 900}},"
          + " {name: 'Beta · enrolled', program: 'PRG02', programName: 'Beta', outcome:"
          + " {outcome: 'enrolled', outcomeType: 'risk_difference', method: 'doubly_robust',"
          + " estimate: {estimate: 0.3, low: 0.2, high: 0.4}, treated: 50, controls: 200}},"
          + " {name: 'Gamma · reading', program: 'PRG03', programName: 'Gamma', outcome:"
          + " {outcome: 'reading', outcomeType: 'mean_difference', method: 'entropy_balancing',"
          + " estimate: {estimate: 4.5, low: 1, high: 8}, treated: 300, controls: 3000}}])";

  @Test
  void eachOutcomeScaleHasItsOwnSortableImpactChartWithIntervalsAndN() throws IOException {
    open("leadership?sort=estimate", server.keys.get(Role.LEADERSHIP));
    wait.until(d -> !d.findElements(By.cssSelector("#impact-table tbody tr")).isEmpty());
    assertThat(selected("impact-sort")).isEqualTo("estimate");
    assertThat(driver.getCurrentUrl()).endsWith("#/leadership?sort=estimate");
    // the fixture has risk differences only: no chart of score points
    assertThat(driver.findElement(By.id("impact-score")).isDisplayed()).isFalse();
    script(TWO_SCALES);
    assertChartDrawn("impact-chart");
    assertChartDrawn("impact-score-chart");
    // largest effect first, each bar labelled with its n (enrolled / comparison)
    assertThat(chartData("impact-chart")).containsExactly(0.3, 0.1);
    assertThat(chartData("impact-score-chart")).containsExactly(4.5);
    assertThat(axisLabels("impact-chart")).contains("Beta · enrolled\nn = 50 / 200");
    assertThat(axisLabels("impact-score-chart")).contains("Gamma · reading\nn = 300 / 3,000");
    assertThat(driver.findElement(By.id("impact-chart")).getAttribute("aria-label"))
        .startsWith("Bar chart of 2 programme estimates in risk difference");
    assertThat(driver.findElement(By.id("impact-score-chart")).getAttribute("aria-label"))
        .startsWith("Bar chart of 1 programme estimates in score points");
    assertThat(tableColumn("impact-table", 0)).containsExactly("Beta", "Alpha", "Gamma");
    assertThat(tableColumn("impact-table", 2))
        .containsExactly("risk difference", "risk difference", "score points");
    // largest sample first, each scale apart; the order is in the address
    new Select(driver.findElement(By.id("impact-sort"))).selectByValue("n");
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?sort=n"));
    assertThat(chartData("impact-chart")).containsExactly(0.1, 0.3);
    assertThat(tableColumn("impact-table", 0)).containsExactly("Alpha", "Beta", "Gamma");
    new Select(driver.findElement(By.id("impact-sort"))).selectByValue("");
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership"));
    assertThat(chartData("impact-chart")).containsExactly(0.1, 0.3);
    screenshot("impact-scales");
    assertNoRawKeys();

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("impact-table"), "تفاوت خطر"));
    script(TWO_SCALES);
    assertChartDrawn("impact-score-chart");
    assertThat(axisLabels("impact-score-chart")).contains("Gamma · reading\nn = ۳۰۰ / ۳٬۰۰۰");
    assertThat(driver.findElement(By.id("impact-score-chart")).getAttribute("aria-label"))
        .startsWith("نمودار ستونی ۱ برآورد اثر برنامه‌ها به امتیاز");
    assertThat(driver.findElement(By.id("impact-sort")).getText()).contains("بزرگ‌ترین اثر نخست");
    screenshot("impact-scales-fa");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void everyChartSavesAsPngAndTheLeadershipReportPrintsOnOnePage() throws IOException {
    open("leadership?from=2024-02&to=2024-02", server.keys.get(Role.LEADERSHIP));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-casesOpened"), "3"));
    assertChartDrawn("trend-chart");
    assertChartDrawn("impact-chart");
    hookDownloads();
    for (String chart : List.of("trend-chart", "impact-chart")) {
      WebElement button =
          driver.findElement(By.cssSelector("button.png[data-chart='" + chart + "']"));
      assertThat(button.isDisplayed()).as(chart).isTrue();
      assertThat(button.getAttribute("aria-label")).startsWith("Save as PNG: ");
      button.click();
      assertThat((String) script("return window.__downloadHref"))
          .startsWith("data:image/png;base64,")
          .hasSizeGreaterThan(2000);
    }
    assertThat(script("return window.__downloadName"))
        .isEqualTo("rishe-impact-2024-02-2024-02.png");
    assertThat(
            driver
                .findElement(By.cssSelector("button.png[data-chart='trend-chart']"))
                .getAttribute("aria-label"))
        .isEqualTo("Save as PNG: Trends");

    // the report: the print button asks the browser to print; in print the page is the period's
    // figures, trend and impact, without the controls and tables
    script("window.__printed = 0; window.print = function () { window.__printed++; };");
    driver.findElement(By.id("print-report")).click();
    assertThat(script("return window.__printed")).isEqualTo(1L);
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(driver.findElement(By.id("report-period")).getText())
          .isEqualTo("Period: February 2024 – February 2024 · Region: All regions");
      assertThat(driver.findElement(By.id("kpis")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("trend-chart")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("impact-chart")).isDisplayed()).isTrue();
      for (String id :
          List.of(
              "hotspots-table", "occasions-table", "impact-table", "print-report", "lang-toggle")) {
        assertThat(driver.findElement(By.id(id)).isDisplayed()).as(id).isFalse();
      }
      assertThat(driver.findElement(By.cssSelector(".filters")).isDisplayed()).isFalse();
      screenshot("leadership-print");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    // printed to PDF on A4, as the browser's print to PDF does: one page
    String pdf =
        new String(
            java.util.Base64.getDecoder()
                .decode(driver.print(new PrintOptions().setPageSize(PageSize.ISO_A4)).getContent()),
            StandardCharsets.ISO_8859_1);
    Files.writeString(
        SCREENSHOTS.resolve("leadership-report.pdf"), pdf, StandardCharsets.ISO_8859_1);
    assertThat(
            java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])")
                .matcher(pdf)
                .results()
                .count())
        .as("pages of the printed report")
        .isEqualTo(1);
    assertThat(driver.findElement(By.id("report-period")).isDisplayed()).isFalse();

    driver.findElement(By.id("lang-toggle")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpis"), "پرونده"));
    assertThat(driver.findElement(By.id("print-report")).getText()).isEqualTo("چاپ گزارش");
    assertThat(
            driver
                .findElement(By.cssSelector("button.png[data-chart='trend-chart']"))
                .getAttribute("aria-label"))
        .isEqualTo("ذخیره به صورت PNG: روندها");
    assertThat(script("return document.getElementById('report-period').textContent"))
        .asString()
        .startsWith("دوره: ")
        .doesNotContainPattern("[0-9]");
    hookDownloads();
    driver.findElement(By.cssSelector("button.png[data-chart='trend-chart']")).click();
    assertThat((String) script("return window.__downloadHref"))
        .startsWith("data:image/png;base64,");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void everyChartIsDescribedWithItsDataTableAndTheGraphWorksByKeyboard() throws IOException {
    open("leadership", server.keys.get(Role.LEADERSHIP));
    wait.until(d -> !d.findElements(By.cssSelector("#impact-table tbody tr")).isEmpty());
    wait.until(d -> d.findElements(By.cssSelector("#trend-table tbody tr")).size() == 2);
    assertThat(driver.findElement(By.id("trend-chart")).getAttribute("aria-label"))
        .isEqualTo(
            "Line chart of Cases opened by month from January 2024 to February 2024; the same"
                + " numbers are in the data table below.");
    assertThat(driver.findElement(By.id("trend-chart")).getAttribute("role")).isEqualTo("img");
    assertThat(tableColumn("trend-table", 1)).containsExactly("4", "3");
    // the data table opens on demand
    assertThat(driver.findElement(By.id("trend-table")).isDisplayed()).isFalse();
    driver
        .findElement(By.cssSelector("#trend-table"))
        .findElement(By.xpath(".."))
        .findElement(By.tagName("summary"))
        .click();
    wait.until(d -> d.findElement(By.id("trend-table")).isDisplayed());
    assertThat(driver.findElement(By.id("impact-chart")).getAttribute("aria-label"))
        .contains("Bar chart of 1 programme estimates in risk difference");
    assertNoRawKeys();

    // the planner: the graph described, its links as a table, its problems as buttons
    driver.get(base + "/#/planner");
    assertChartDrawn("graph-chart");
    wait.until(d -> !d.findElements(By.cssSelector("#graph-table tbody tr")).isEmpty());
    wait.until(d -> !d.findElements(By.cssSelector("#root-causes-table tbody tr")).isEmpty());
    assertThat(driver.findElement(By.id("graph-chart")).getAttribute("aria-label"))
        .startsWith("Causal graph of ");
    hookDownloads();
    driver.findElement(By.cssSelector("button.png[data-chart='graph-chart']")).click();
    assertThat((String) script("return window.__downloadHref"))
        .startsWith("data:image/png;base64,");
    assertThat(script("return window.__downloadName")).isEqualTo("rishe-graph.png");
    assertThat(driver.findElement(By.id("graph-table")).getAttribute("textContent"))
        .contains("Parent illiterate", "Out of school", "directed", "undecided");
    script(
        "window.RisheDashboard.renderGraph({nodes: [{id: 'child_labour', kind: 'problem'},"
            + " {id: 'poverty', kind: 'factor'}, {id: 'dropout', kind: 'problem'}], edges:"
            + " [{from: 'poverty', to: 'dropout', directed: true, stability: 0.9}]})");
    List<WebElement> nodes = driver.findElements(By.cssSelector("#graph-nodes button.node"));
    assertThat(nodes)
        .extracting(b -> b.getAttribute("data-node"))
        .containsExactly("child_labour", "dropout");
    assertThat(driver.findElement(By.id("graph-nodes")).getText()).contains("poverty (Factor)");
    // Tab reaches the first problem; the arrow key moves to the next; Enter opens its root causes
    script("document.getElementById('graph-chart').focus()");
    nodes.get(0).sendKeys(Keys.ARROW_DOWN);
    wait.until(
        d -> "dropout".equals(script("return document.activeElement.getAttribute('data-node')")));
    assertThat(script("return document.activeElement.tabIndex")).isEqualTo(0L);
    script("document.getElementById('graph-nodes').scrollIntoView({block: 'center'})");
    screenshot("planner-graph-keyboard");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    wait.until(d -> d.getCurrentUrl().endsWith("#/planner?problem=dropout"));
    assertThat(selected("problem-select")).isEqualTo("dropout");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chains-list"), "n = 7"));
    assertNoRawKeys();

    // in Persian
    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
    wait.until(
        d ->
            String.valueOf(d.findElement(By.id("graph-chart")).getAttribute("aria-label"))
                .startsWith("گراف علّی"));
    wait.until(d -> !d.findElements(By.cssSelector("#graph-nodes button.node")).isEmpty());
    assertThat(driver.findElement(By.id("graph-nodes")).getText()).contains("کار کودک");
    assertNoRawKeys();
    assertNoConsoleErrors();
  }

  @Test
  void theMapShowsEachRegionByNameInBothLanguagesAndARegionOpensItsPage() throws IOException {
    open("leadership", server.keys.get(Role.LEADERSHIP));
    assertChartDrawn("region-map");
    By mapRows = By.cssSelector("#map-table tbody tr");
    wait.until(d -> d.findElements(mapRows).size() == 2);

    // RegionFixture outlines R01 and R02; DashboardFixture judged June 2024 in each: R01 12 cases,
    // score 6.2, flagged; R02 3 cases, score 0.1. R03 has a name but no outline and no month.
    assertThat(tableColumn("map-table", 0)).containsExactly("Capital District", "Green Valley");
    assertThat(tableColumn("map-table", 1)).containsExactly("6.2", "0.1");
    assertThat(tableColumn("map-table", 2)).containsExactly("1", "0");
    assertThat(tableColumn("map-table", 3)).containsExactly("12", "3");
    assertThat(mapValues("region-map")).containsEntry("R01", 6.2).containsEntry("R02", 0.1);
    assertThat(driver.findElement(By.id("region-map")).getAttribute("aria-label"))
        .contains("Map of 2 regions", "from 0 to 6.2");
    assertThat(driver.findElement(By.id("leadership-region")).getText())
        .contains("Capital District", "Green Valley")
        .doesNotContain("R01");
    // the choices are the regions GET /regions says have data: R03 has cases (no month judged),
    // the zone Z1 none of its own, so it is not offered (its page would be empty)
    assertThat(driver.findElement(By.id("leadership-region")).getText())
        .contains("Riverside")
        .doesNotContain("North Zone");
    // the readiness signal bench/dashboard times views by: every request answered and drawn
    wait.until(
        d ->
            Boolean.TRUE.equals(
                script(
                    "var root = document.documentElement;"
                        + " return root.getAttribute('data-pending') === '0'"
                        + " && Number(root.getAttribute('data-settled')) >= 1;")));
    screenshot("leadership-map");
    assertNoRawKeys();
    assertNoConsoleErrors();

    // R01's square, 50-51 E 32-33 N, clicked on the map: its page, with its figures of every month
    clickChartItem("region-map", "[50.5, 32.5]");
    wait.until(d -> d.getCurrentUrl().endsWith("#/region?code=R01"));
    visible("region-title");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("region-title"), "Capital District"));
    assertThat(driver.findElement(By.id("region-title")).getText()).contains("R01");
    assertThat(driver.findElement(By.id("region-parent")).getText())
        .isEqualTo("Part of: North Zone");
    // cases opened in R01: 4 in January and 2 in February 2024
    By casesOpened = By.cssSelector("#region-kpi-casesOpened .value");
    wait.until(d -> !d.findElements(casesOpened).isEmpty());
    assertThat(driver.findElement(casesOpened).getText()).isEqualTo("6");
    assertThat(driver.findElement(By.id("region-kpi-casesOpened")).getText())
        .contains("Cases opened");
    assertChartDrawn("region-trend-chart");
    assertThat(tableColumn("region-trend-table", 1)).containsExactly("4", "2");
    wait.until(d -> !d.findElements(By.cssSelector("#region-hotspots-table tbody tr")).isEmpty());
    assertThat(driver.findElement(By.id("region-hotspots-table")).getText())
        .contains("malnutrition", "June 2024", "6.2");
    screenshot("region");
    assertNoRawKeys();
    assertNoConsoleErrors();

    // in Persian: the names from the catalogue, Persian digits, right to left; Jalali months
    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/region?code=R01&lang=fa"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("region-title"), "ناحیه پایتخت"));
    assertThat(script("return document.documentElement.dir")).isEqualTo("rtl");
    assertThat(driver.findElement(By.id("region-parent")).getText())
        .isEqualTo("بخشی از: منطقه شمال");
    wait.until(d -> "۶".equals(d.findElement(casesOpened).getText()));
    assertChartDrawn("region-trend-chart");
    wait.until(d -> tableColumn("region-trend-table", 1).equals(List.of("۳", "۳")));
    assertNoLatinDigits(
        "#region-kpis", "#region-trend-table tbody", "#region-hotspots-table tbody");
    screenshot("region-fa");
    assertNoRawKeys();

    // back to the leadership view, in Persian: the map's table and the filter by Persian names
    driver.findElement(By.id("region-back")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/leadership?lang=fa"));
    assertChartDrawn("region-map");
    wait.until(d -> tableColumn("map-table", 0).equals(List.of("دره سبز", "ناحیه پایتخت")));
    assertThat(tableColumn("map-table", 1)).containsExactly("۰٫۱", "۶٫۲");
    assertThat(driver.findElement(By.id("leadership-region")).getText())
        .contains("ناحیه پایتخت", "دره سبز");
    assertThat(driver.findElement(By.id("hotspots-table")).getText()).contains("ناحیه پایتخت");
    assertNoLatinDigits("#map-table tbody");
    screenshot("leadership-map-fa");
    assertNoRawKeys();
    assertNoRefusalShown();
    assertNoConsoleErrors();
  }

  @Test
  void aParentRegionsPageListsItsRegionsAndSaysItsFiguresAreItsOwn() throws IOException {
    // RegionFixture: the zone Z1 (North Zone) holds R01 (Capital District) and R02 (Green Valley)
    open("region?code=R01", server.keys.get(Role.LEADERSHIP));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("region-parent"), "Part of: North Zone"));
    assertThat(driver.findElement(By.id("region-children")).isDisplayed()).isFalse();
    driver.findElement(By.cssSelector("#region-parent a")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/region?code=Z1"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("region-title"), "North Zone"));
    By children = By.cssSelector("#region-children-list a");
    wait.until(d -> d.findElements(children).size() == 2);
    assertThat(driver.findElements(children))
        .extracting(WebElement::getText)
        .containsExactly("Capital District", "Green Valley");
    assertThat(driver.findElement(By.id("region-children")).getText())
        .contains("Regions within it", "this region's own rows only", "do not add up");
    assertThat(driver.findElement(By.id("region-parent")).getText()).isEmpty();
    // Z1 has no rows of its own in DashboardFixture: the page says so and asks for none (the API
    // would refuse a region without data), and adds nothing up from R01 and R02
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("region-message"),
            "This region has no figures of its own in the published data."));
    assertThat(driver.findElements(By.cssSelector("#region-kpis .value"))).isEmpty();
    screenshot("region-parent");
    assertNoRawKeys();
    assertNoRefusalShown();
    assertNoConsoleErrors();
    // a child opens its own page
    driver.findElements(children).get(1).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/region?code=R02"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("region-title"), "Green Valley"));
    wait.until(d -> !d.findElement(By.id("region-children")).isDisplayed());
    wait.until(d -> !d.findElements(By.cssSelector("#region-kpis .value")).isEmpty());
    assertThat(driver.findElement(By.id("region-message")).isDisplayed()).isFalse();

    // in Persian: the regions by their Persian names, in Persian order, and the note in Persian
    open("region?code=Z1&lang=fa", server.keys.get(Role.PLANNER));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("region-title"), "منطقه شمال"));
    wait.until(d -> d.findElements(children).size() == 2);
    assertThat(driver.findElements(children))
        .extracting(WebElement::getText)
        .containsExactly("دره سبز", "ناحیه پایتخت");
    assertThat(driver.findElement(By.id("region-children")).getText())
        .contains("منطقه‌های درون آن", "جمع منطقه‌های درون آن نیستند");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("region-message"), "این منطقه در داده‌های منتشرشده عددی از خود ندارد."));
    screenshot("region-parent-fa");
    assertNoRawKeys();
    assertNoRefusalShown();
    assertNoConsoleErrors();
  }

  /** A key without the regions catalogue (a donor's) sees codes, and no request is refused. */
  @Test
  void aKeyThatMayNotReadTheCatalogueSeesRegionCodesWithoutARefusal() {
    open("needs?region=R01", server.keys.get(Role.DONOR));
    wait.until(d -> d.findElements(By.cssSelector("#needs-table tbody tr")).size() == 23);

    assertThat(tableColumn("needs-table", 3)).containsOnly("R01");
    assertNoRefusalShown();
    assertNoConsoleErrors();
  }

  @Test
  void everyRolesPageHasNoSeriousAccessibilityViolations() throws IOException {
    // axe-core's WCAG 2 A and AA rules run in the page once its data is drawn
    Map<String, Role> pages = new LinkedHashMap<>();
    pages.put("leadership", Role.LEADERSHIP);
    pages.put("planner", Role.PLANNER);
    pages.put("needs", Role.DONOR);
    pages.put("volunteer", Role.VOLUNTEER);
    // right to left, Persian digits and labels
    pages.put("leadership?lang=fa", Role.LEADERSHIP);
    pages.put("planner?lang=fa", Role.PLANNER);
    // a programme's impact page, in both languages
    pages.put("program?id=PRG01", Role.LEADERSHIP);
    pages.put("program?id=PRG01&lang=fa", Role.LEADERSHIP);
    // a region's page, in both languages
    pages.put("region?code=R01", Role.LEADERSHIP);
    pages.put("region?code=R01&lang=fa", Role.PLANNER);
    String axe;
    try (var in =
        DashboardBrowserTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      assertThat(in).as("axe-core on the test classpath").isNotNull();
      axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Map<String, List<String>> violations = new LinkedHashMap<>();
    for (Map.Entry<String, Role> page : pages.entrySet()) {
      open(page.getKey(), server.keys.get(page.getValue()));
      wait.until(
          d -> !d.findElements(By.cssSelector("main table tbody tr, main canvas")).isEmpty());
      if (page.getKey().endsWith("lang=fa")) {
        wait.until(d -> "rtl".equals(script("return document.documentElement.dir")));
      }
      script(axe);
      Object found =
          driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})"
                  + ".then(r => done(r.violations.filter(v => v.impact === 'serious'"
                  + " || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): '"
                  + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                  + ".catch(e => done(['axe failed: ' + e]));");
      @SuppressWarnings("unchecked")
      List<String> serious = (List<String>) found;
      violations.put(page.getKey(), serious);
    }

    assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
  }

  /** A fresh session on the page: no key or language left from an earlier test. */
  private static void open(String page, String key) {
    // a file of the same origin that runs no script: the storage is cleared before the app starts
    driver.get(base + "/web/app.css");
    script("sessionStorage.clear()");
    driver.manage().logs().get(LogType.BROWSER);
    driver.get(base + "/#/" + page);
    WebElement input =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-input")));
    input.sendKeys(key);
    driver.findElement(By.id("key-submit")).click();
  }

  private static String selected(String id) {
    return driver.findElement(By.id(id)).getAttribute("value");
  }

  private static String value(String id) {
    return driver.findElement(By.id(id)).getAttribute("value");
  }

  /** A Gregorian day (YYYY-MM-DD) in the Jalali calendar, by the page's conversion. */
  private static String jalali(String day) {
    return (String) script("return window.RisheDashboard.jalaliDate(arguments[0])", day);
  }

  /**
   * A preset's period relative to a latest month, as "from to", with the Jalali calendar on or off.
   */
  private static String preset(String name, String latest, boolean jalali) {
    return (String)
        script(
            "var p = window.RisheDashboard.presetPeriod(arguments[0], arguments[1], arguments[2]);"
                + " return p.from + ' ' + p.to;",
            name,
            latest,
            jalali);
  }

  /** The preset button pressed, or the empty string for none. */
  private static String pressedPreset() {
    return driver.findElements(By.cssSelector("button.preset[aria-pressed='true']")).stream()
        .map(button -> button.getAttribute("data-preset"))
        .collect(Collectors.joining(" "));
  }

  /** The values of a chart's first series, as the chart holds them. */
  @SuppressWarnings("unchecked")
  private static List<Double> chartData(String chart) {
    return ((List<Number>)
            script(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                    + ".getOption().series[0].data",
                chart))
        .stream().map(Number::doubleValue).toList();
  }

  /** The values a map chart holds, by region code. */
  @SuppressWarnings("unchecked")
  private static Map<String, Double> mapValues(String chart) {
    List<Map<String, Object>> data =
        (List<Map<String, Object>>)
            script(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                    + ".getOption().series[0].data",
                chart);
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map<String, Object> item : data) {
      Object value = item.get("value");
      values.put((String) item.get("name"), value == null ? null : ((Number) value).doubleValue());
    }
    return values;
  }

  /** The text of one column of a table's body, row by row. */
  @SuppressWarnings("unchecked")
  private static List<String> tableColumn(String table, int column) {
    return (List<String>)
        script(
            "var column = arguments[1];"
                + " return Array.prototype.map.call(document.querySelectorAll('#' + arguments[0]"
                + " + ' tbody tr'), function (row) {"
                + " return row.querySelectorAll('td')[column].textContent.trim(); })",
            table,
            column);
  }

  /**
   * Keeps the address and name of the next file the page saves (window.__downloadHref,
   * __downloadName) instead of saving it.
   */
  private static void hookDownloads() {
    script(
        "window.__downloadHref = null; window.__downloadName = null;"
            + " HTMLAnchorElement.prototype.click = function () {"
            + " window.__downloadHref = this.href; window.__downloadName = this.download; };");
  }

  /** Sets a month input as a user's choice does: its value, then a change event. */
  private static void setMonth(String id, String month) {
    script(
        "var input = document.getElementById(arguments[0]); input.value = arguments[1];"
            + " input.dispatchEvent(new Event('change'))",
        id,
        month);
  }

  /**
   * Clicks the table's Download CSV button and returns the file's text. The page's Blob is kept as
   * it is handed to URL.createObjectURL, and the link's click that would save it is replaced by
   * recording the file's name in window.__csvName.
   */
  private static String downloadCsv(String table) {
    script(
        "if (!window.__csvHooked) { window.__csvHooked = true; var create = URL.createObjectURL;"
            + " URL.createObjectURL = function (blob) { window.__csvBlob = blob;"
            + " return create.call(URL, blob); };"
            + " HTMLAnchorElement.prototype.click = function () {"
            + " window.__csvName = this.download; }; }"
            + " window.__csvBlob = null;");
    WebElement button =
        visible(table)
            .findElement(By.xpath("following-sibling::button[@data-table='" + table + "']"));
    assertThat(button.isDisplayed()).isTrue();
    button.click();
    // the bytes, not Blob.text(): that would drop the byte-order mark
    List<?> bytes =
        (List<?>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + " window.__csvBlob.arrayBuffer().then(function (buffer) {"
                        + " done(Array.from(new Uint8Array(buffer))); })");
    byte[] file = new byte[bytes.size()];
    for (int i = 0; i < file.length; i++) {
      file[i] = ((Number) bytes.get(i)).byteValue();
    }
    return new String(file, StandardCharsets.UTF_8);
  }

  /**
   * Downloads the table as CSV and asserts the file holds its rows and columns as shown: each
   * heading and cell's text (a column of buttons, without a heading, left out). Returns the file as
   * rows of fields, the heading first.
   */
  private static List<List<String>> assertCsvIsTheTable(String table) {
    String csv = downloadCsv(table);
    assertThat(csv).startsWith("\uFEFF").endsWith("\r\n");
    List<List<String>> rows = parseCsv(csv.substring(1));
    @SuppressWarnings("unchecked")
    List<List<String>> shown =
        (List<List<String>>)
            script(
                "var table = document.getElementById(arguments[0]);"
                    + " var heads = Array.prototype.map.call(table.querySelectorAll('thead th'),"
                    + " function (th) { return th.innerText.trim(); });"
                    + " var keep = heads.map(function (h, i) { return h ? i : -1; })"
                    + ".filter(function (i) { return i >= 0; });"
                    + " var rows = [keep.map(function (i) { return heads[i]; })];"
                    + " table.querySelectorAll('tbody tr').forEach(function (tr) {"
                    + " var cells = tr.querySelectorAll('td');"
                    + " rows.push(keep.map(function (i) {"
                    + " return cells[i].innerText.trim().split(/\\s*\\n\\s*/).join('; '); })); });"
                    + " return rows;",
                table);
    assertThat(rows).as(table + " as CSV").isEqualTo(shown);
    return rows;
  }

  /** RFC 4180 fields: quoted when they hold a comma, quote or line break; lines end in CRLF. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field.toString()).as("text after the last line").isEmpty();
    return rows;
  }

  /**
   * Clicks a chart's canvas where an item is drawn: {@code point} is a script over {@code chart}
   * (the ECharts instance) giving the item's place in the first series' coordinates (data units on
   * axes, a graph node's layout), converted to pixels with convertToPixel. The chart is scrolled to
   * the middle of the window first, so that the whole of it is in view.
   */
  private static void clickChartItem(String id, String point) {
    @SuppressWarnings("unchecked")
    List<Number> place =
        (List<Number>)
            script(
                "var node = document.getElementById(arguments[0]);"
                    + " node.scrollIntoView({block: 'center'});"
                    + " var chart = echarts.getInstanceByDom(node); var p = "
                    + point
                    + "; p = chart.convertToPixel({seriesIndex: 0}, p);"
                    + " return [p[0] - node.clientWidth / 2, p[1] - node.clientHeight / 2];",
                id);
    new Actions(driver)
        .moveToElement(
            driver.findElement(By.id(id)), place.get(0).intValue(), place.get(1).intValue())
        .click()
        .perform();
  }

  /** The ids, without "nav-", of the view links shown. */
  private static List<String> visibleViews() {
    return driver.findElements(By.cssSelector("header nav a")).stream()
        .filter(WebElement::isDisplayed)
        .map(link -> link.getAttribute("id").replace("nav-", ""))
        .collect(Collectors.toList());
  }

  private static void assertNoRefusalShown() {
    String text = driver.findElement(By.tagName("body")).getText();
    assertThat(text).doesNotContain("403").doesNotContain("This key may not see this");
    assertThat(text).doesNotContainIgnoringCase("may not call this route");
  }

  /**
   * No string the page looked up was missing from the language's table (the page records each in
   * window.__missingKeys, and checks at start that both tables hold the same names), and nothing on
   * screen reads like a key ("stage.pledged", "evidence.insufficient data").
   */
  private static void assertNoRawKeys() {
    assertThat(script("return window.__missingKeys")).asList().isEmpty();
    assertThat(driver.findElement(By.tagName("body")).getText())
        .doesNotContainPattern("\\b[a-z]+\\.[a-z_]+\\b");
  }

  /**
   * No Latin digit in the text of the elements the selectors match, apart from identifiers (a
   * region or programme code, marked {@code .code}), which are written as elsewhere.
   */
  private static void assertNoLatinDigits(String... selectors) {
    for (String selector : selectors) {
      Object text =
          script(
              "return Array.prototype.map.call(document.querySelectorAll(arguments[0]),"
                  + " function (node) { var copy = node.cloneNode(true);"
                  + " copy.querySelectorAll('.code').forEach(function (c) { c.remove(); });"
                  + " return copy.textContent; }).join(' ')",
              selector);
      assertThat((String) text).as(selector).isNotBlank().doesNotContainPattern("[0-9]");
    }
  }

  /** Every axis label the chart drew on its canvas (recorded by the page's label formatters). */
  @SuppressWarnings("unchecked")
  private static List<String> axisLabels(String chart) {
    return (List<String>) script("return window.RisheDashboard.axisLabels(arguments[0])", chart);
  }

  /** The text of the chart's tooltip over its first point. */
  private static String tooltip(String chart) {
    script(
        "echarts.getInstanceByDom(document.getElementById(arguments[0]))"
            + ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})",
        chart);
    By tip = By.cssSelector("#" + chart + " .chart-tooltip");
    wait.until(d -> !d.findElements(tip).isEmpty() && !d.findElement(tip).getText().isBlank());
    return driver.findElement(tip).getText();
  }

  private static WebElement visible(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  private static Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(code, arguments);
  }

  private static void assertChartDrawn(String id) {
    WebElement canvas =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " canvas")));
    assertThat(canvas.getSize().getWidth()).as(id + " canvas width").isGreaterThan(100);
    assertThat(canvas.getSize().getHeight()).as(id + " canvas height").isGreaterThan(100);
  }

  private static void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, png);
    assertThat(Files.size(file)).as(file.toString()).isGreaterThan(1000);
  }

  /**
   * No SEVERE console entry, apart from the 404s of the data routes still to come (the page shows a
   * message for those), the expected 404 of a journey the key may not see, and the favicon the
   * browser asks for on its own.
   */
  private static void assertNoConsoleErrors() {
    List<String> severe =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(message -> !expected404(message))
            .collect(Collectors.toList());
    assertThat(severe).isEmpty();
  }

  private static boolean expected404(String message) {
    boolean notFound = message.contains("404");
    return notFound
        && (COMING_ROUTES.stream().anyMatch(message::contains)
            || message.contains("/api/v1/donations/D2/journey")
            // the browser's own ask while open() shows app.css, which has no icon link
            || message.contains("/favicon.ico"));
  }
}
