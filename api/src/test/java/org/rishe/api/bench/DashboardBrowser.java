package org.rishe.api.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rishe.api.HeadlessChromium;

/**
 * A headless Chromium on the dashboard that times what a user does by the page's own readiness
 * signal ({@code <html data-pending data-settled data-settled-at>}, app.js): a view is ready when
 * every API request it made has been answered, its answer handled (tables filled, chart options
 * set) and the next frame painted. Times are taken in the page ({@code performance.now()}), so the
 * driver's own round trips are not in them.
 */
final class DashboardBrowser implements AutoCloseable {
  /** How long the page stays settled before a view counts as ready: a later phase would show. */
  private static final long QUIET_MS = 150;

  private final ChromeDriver driver;
  private final String base;
  private final Duration timeout;

  /** One API request the page made: its address, and how long it took, in the page's words. */
  record Request(String path, double durationMs, double waitingMs, long bytes) {}

  /** A step's time from the action to ready, and the API requests the page made meanwhile. */
  record Timing(double ms, List<Request> requests) {}

  DashboardBrowser(Path chromium, Path chromedriver, Path profile, String base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    // the options of DashboardBrowserTest, so that the benchmark measures the page it tests
    driver =
        new ChromeDriver(
            HeadlessChromium.service(chromedriver), HeadlessChromium.options(chromium, profile));
    driver.manage().timeouts().pageLoadTimeout(timeout);
  }

  /** A fresh session for this key in this language: the storage cleared, nothing loaded yet. */
  void signIn(String key, String lang) {
    // a file of the same origin that runs no script: the storage is set before the app starts
    driver.get(base + "/web/app.css");
    script(
        "sessionStorage.clear(); sessionStorage.setItem('rishe.key', arguments[0]);"
            + " sessionStorage.setItem('rishe.lang', arguments[1]);",
        key,
        lang);
  }

  /** Opens the dashboard afresh on {@code view}: from navigation start until the view is ready. */
  Timing load(String view) throws StepTimeout {
    driver.get(base + "/#/" + view);
    script("performance.setResourceTimingBufferSize(5000)");
    return waitReady(0, 0);
  }

  /**
   * Runs {@code action} (JavaScript in the page; {@code arguments[0]} is whatever the test needs)
   * and times it until the view is ready again. The action must make the page ask the API.
   */
  Timing act(String action, Object... arguments) throws StepTimeout {
    Object started =
        script(
            "var t0 = performance.now();"
                + " var before = Number(document.documentElement.getAttribute('data-settled') || 0);"
                + " (function () { "
                + action
                + " }).apply(null, arguments);"
                + " return [t0, before];",
            arguments);
    List<?> values = (List<?>) started;
    return waitReady(((Number) values.get(0)).doubleValue(), ((Number) values.get(1)).longValue());
  }

  /** Whether the page shows an element for this selector. */
  boolean has(String selector) {
    return Boolean.TRUE.equals(script("return !!document.querySelector(arguments[0])", selector));
  }

  /** The value of the {@code index}th option of a select, or null when it has fewer. */
  String option(String selectId, int index) {
    return (String)
        script(
            "var s = document.getElementById(arguments[0]);"
                + " return s && s.options.length > arguments[1] ? s.options[arguments[1]].value : null;",
            selectId,
            index);
  }

  private Timing waitReady(double startedAt, long settledBefore) throws StepTimeout {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = -1;
    long seenAt = 0;
    double readyAt = Double.NaN;
    while (System.nanoTime() < deadline) {
      List<?> state =
          (List<?>)
              script(
                  "var r = document.documentElement; return [r.getAttribute('data-settled') || '0',"
                      + " r.getAttribute('data-pending') || '0', r.getAttribute('data-settled-at')"
                      + " || 'NaN'];");
      long settled = Long.parseLong((String) state.get(0));
      boolean idle = "0".equals(state.get(1));
      if (settled > settledBefore && idle) {
        if (settled != seen) {
          seen = settled;
          seenAt = System.nanoTime();
          readyAt = Double.parseDouble((String) state.get(2));
        } else if (System.nanoTime() - seenAt >= QUIET_MS * 1_000_000) {
          return new Timing(readyAt - startedAt, requests(startedAt));
        }
      }
      pause(20);
    }
    throw new StepTimeout(timeout);
  }

  /** The API requests made since {@code since}; the page's record of them is then cleared. */
  private List<Request> requests(double since) {
    List<?> entries =
        (List<?>)
            script(
                "var since = arguments[0];"
                    + " var out = performance.getEntriesByType('resource').filter(function (e) {"
                    + " return e.name.indexOf('/api/v1/') >= 0 && e.startTime >= since; })"
                    + ".map(function (e) { return { path: e.name.replace(location.origin, ''),"
                    + " duration: e.duration, waiting: e.responseStart - e.requestStart,"
                    + " bytes: e.encodedBodySize }; });"
                    + " performance.clearResourceTimings(); return out;",
                since - 1);
    List<Request> requests = new ArrayList<>();
    for (Object entry : entries) {
      Map<?, ?> e = (Map<?, ?>) entry;
      requests.add(
          new Request(
              (String) e.get("path"),
              ((Number) e.get("duration")).doubleValue(),
              ((Number) e.get("waiting")).doubleValue(),
              ((Number) e.get("bytes")).longValue()));
    }
    return requests;
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(code, arguments);
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** A view that was not ready within the time allowed. */
  static final class StepTimeout extends Exception {
    StepTimeout(Duration timeout) {
      super("not ready within " + timeout.toSeconds() + " s");
    }
  }
}
