package org.rishe.api.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rishe.api.HeadlessChromium;
import org.rishe.api.bench.DashboardBrowser.StepTimeout;
import org.rishe.api.bench.TimingReport.Step;

/**
 * The dashboard's answer times in a real headless Chromium, for bench/dashboard/run.sh (not a
 * test). For each role's key and in both languages, round after round: the role's first view opened
 * afresh, then every other view by its tab, the drill-downs (a programme's page, a region's page, a
 * hotspot's planner view, and back) and the filter changes a user makes (a period preset, a region,
 * a programme, a measure, a problem, a kind of need). Each step is timed from the action to the
 * view being ready (every answer drawn, DashboardBrowser). The first round is reported as cold, the
 * others as warm; the run exits 1 when a warm median reaches the limit (1 s), 2 when a step never
 * became ready.
 *
 * <p>Usage: {@code DashboardBench --base URL --keys FILE [--rounds 6] [--limit-ms 1000] [--donation
 * ID] [--timeout-s 120] [--samples FILE]}. The keys file has a role and its key on each line.
 */
public final class DashboardBench {
  private static final List<String> LANGUAGES = List.of("en", "fa");

  /** The views each role may use, first the one it lands on (app.js VIEWS). */
  private static final Map<String, List<String>> VIEWS =
      Map.of(
          "leadership", List.of("leadership", "planner", "donor", "needs"),
          "admin", List.of("leadership", "planner", "donor", "needs"),
          "planner", List.of("leadership", "planner", "needs"),
          "researcher", List.of("planner"),
          "donor", List.of("donor", "giving", "needs"),
          "volunteer", List.of("volunteer"));

  private static final String CLICK = "document.querySelector(arguments[0]).click();";
  private static final String CHOOSE =
      "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
          + " s.dispatchEvent(new Event('change'));";

  private final DashboardBrowser browser;
  private final TimingReport report;
  private final String donation;
  private String role;
  private String lang;

  private DashboardBench(DashboardBrowser browser, TimingReport report, String donation) {
    this.browser = browser;
    this.report = report;
    this.donation = donation;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    String base = required(options, "base");
    Map<String, String> keys = keys(Path.of(required(options, "keys")));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "6"));
    double limit = Double.parseDouble(options.getOrDefault("limit-ms", "1000"));
    Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "120")));
    Path chromium = HeadlessChromium.onPath("chromium");
    Path chromedriver = HeadlessChromium.onPath("chromedriver");
    if (chromium == null || chromedriver == null) {
      System.err.println("bench/dashboard: chromium and chromedriver must be on the PATH");
      System.exit(2);
    }
    Path profile = Files.createTempDirectory("rishe-dashboard-bench");
    TimingReport report = new TimingReport();
    try (DashboardBrowser browser =
        new DashboardBrowser(chromium, chromedriver, profile, base, timeout)) {
      DashboardBench bench = new DashboardBench(browser, report, options.get("donation"));
      for (Map.Entry<String, String> key : keys.entrySet()) {
        for (String language : LANGUAGES) {
          for (int round = 0; round < rounds; round++) {
            System.err.printf("bench/dashboard: %s, %s, round %d%n", key.getKey(), language, round);
            bench.round(key.getKey(), key.getValue(), language);
          }
        }
      }
    }
    report.print(System.out, 15);
    if (options.containsKey("samples")) {
      try (PrintStream samples =
          new PrintStream(
              Files.newOutputStream(Path.of(options.get("samples"))),
              true,
              StandardCharsets.UTF_8)) {
        report.printSamples(samples);
      }
    }
    List<Step> slow = report.slowerThan(limit);
    System.out.println();
    System.out.printf(
        "%d step(s) with a warm median of %.0f ms or more%s%n",
        slow.size(), limit, slow.isEmpty() ? "" : ": " + slow);
    System.exit(report.failed() ? 2 : slow.isEmpty() ? 0 : 1);
  }

  /** One round of a role in a language: its first view afresh, then every other by its tab. */
  private void round(String role, String key, String lang) {
    this.role = role;
    this.lang = lang;
    List<String> views = VIEWS.getOrDefault(role, List.of());
    if (views.isEmpty()) {
      return;
    }
    browser.signIn(key, lang);
    String first = views.get(0);
    if (!time(first + ": opened (page load)", () -> browser.load(first))) {
      return;
    }
    actions(first);
    for (String view : views.subList(1, views.size())) {
      if (time(view + ": tab", () -> browser.act(CLICK, "#nav-" + view))) {
        actions(view);
      }
    }
    if (views.size() > 1) {
      time(first + ": tab", () -> browser.act(CLICK, "#nav-" + first));
    }
  }

  /** The drill-downs and filter changes of a view, each undone or left as a user would. */
  private void actions(String view) {
    switch (view) {
      case "leadership" -> leadership();
      case "planner" -> {
        choose("planner: problem", "problem-select", 1);
        choose("planner: region", "region-select", 1);
      }
      case "needs" -> {
        time("needs: kind", () -> browser.act(CHOOSE, "needs-kind", "food"));
        choose("needs: region", "needs-region", 1);
      }
      case "donor" -> {
        if (donation != null) {
          time(
              "donor: journey",
              () ->
                  browser.act(
                      "document.getElementById('donation-id').value = arguments[0];"
                          + " document.getElementById('donation-form').requestSubmit();",
                      donation));
        }
      }
      default -> {
        // giving and volunteer: one view, nothing to filter
      }
    }
  }

  private void leadership() {
    drill("leadership: programme page", "#impact-table a.drill", "#program-back");
    drill("leadership: region page", "#map-table a.drill", "#region-back");
    if (browser.has("#hotspots-table a.drill")) {
      if (time(
          "leadership: hotspot's planner view",
          () -> browser.act(CLICK, "#hotspots-table a.drill"))) {
        time("planner: back to leadership", () -> browser.act("history.back();"));
      }
    }
    time("leadership: measure", () -> browser.act(CHOOSE, "trend-metric", "peopleReached"));
    choose("leadership: programme", "leadership-program", 1);
    time("leadership: preset quarter", () -> browser.act(CLICK, "button[data-preset=quarter]"));
    time("leadership: preset year", () -> browser.act(CLICK, "button[data-preset=year]"));
    choose("leadership: region", "leadership-region", 1);
  }

  /** A link to a detail view, then its Back button. */
  private void drill(String name, String link, String back) {
    if (browser.has(link) && time(name, () -> browser.act(CLICK, link))) {
      time(name + ", back", () -> browser.act(CLICK, back));
    }
  }

  /** A select set to its {@code index}th choice, when it has one. */
  private void choose(String name, String select, int index) {
    String value = browser.option(select, index);
    if (value != null) {
      time(name, () -> browser.act(CHOOSE, select, value));
    }
  }

  private interface Action {
    DashboardBrowser.Timing run() throws StepTimeout;
  }

  /** Times a step into the report; false when it never became ready. */
  private boolean time(String name, Action action) {
    Step step = new Step(role, lang, name);
    try {
      report.add(step, action.run());
      return true;
    } catch (StepTimeout | RuntimeException e) {
      report.fail(step, e.getMessage());
      System.err.println("bench/dashboard: " + step + ": " + e.getMessage());
      return false;
    }
  }

  /** Role and key of each line of the keys file ({@code role key ...}), in the file's order. */
  private static Map<String, String> keys(Path file) throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 2) {
        keys.put(fields[0], fields[1]);
      }
    }
    return keys;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i + 1 < rest.size(); i += 2) {
      if (!rest.get(i).startsWith("--")) {
        throw new IllegalArgumentException("expected an --option, got " + rest.get(i));
      }
      options.put(rest.get(i).substring(2), rest.get(i + 1));
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
