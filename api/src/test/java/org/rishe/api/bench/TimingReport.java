package org.rishe.api.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rishe.api.bench.DashboardBrowser.Request;
import org.rishe.api.bench.DashboardBrowser.Timing;

/**
 * The benchmark's record: each step's time per round, by role and language, and every API request
 * the page made. The first round of a step is its cold time (the server's response cache and the
 * browser's cache empty for that key and language), the rounds after it warm; a step is judged by
 * its warm median.
 */
final class TimingReport {
  /** A view or action of one role in one language, e.g. planner · fa · "leadership: region". */
  record Step(String role, String lang, String name) {}

  private final Map<Step, List<Double>> times = new LinkedHashMap<>();
  private final Map<Step, String> failures = new LinkedHashMap<>();
  private final Map<String, List<Request>> requests = new LinkedHashMap<>();

  void add(Step step, Timing timing) {
    times.computeIfAbsent(step, s -> new ArrayList<>()).add(timing.ms());
    for (Request request : timing.requests()) {
      requests.computeIfAbsent(request.path(), p -> new ArrayList<>()).add(request);
    }
  }

  void fail(Step step, String why) {
    failures.putIfAbsent(step, why);
  }

  boolean failed() {
    return !failures.isEmpty();
  }

  /** The steps whose warm median is at least {@code limitMs}. */
  List<Step> slowerThan(double limitMs) {
    List<Step> slow = new ArrayList<>();
    times.forEach(
        (step, values) -> {
          List<Double> warm = values.subList(1, values.size());
          if (!warm.isEmpty() && median(warm) >= limitMs) {
            slow.add(step);
          }
        });
    return slow;
  }

  /** The steps' table, then the slowest API requests; times in milliseconds. */
  void print(PrintStream out, int slowest) {
    out.println("| role | lang | step | cold ms | warm median ms | warm max ms | warm n |");
    out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
    times.forEach(
        (step, values) -> {
          List<Double> warm = values.subList(1, values.size());
          out.printf(
              Locale.ROOT,
              "| %s | %s | %s | %.0f | %s | %s | %d |%n",
              step.role(),
              step.lang(),
              step.name(),
              values.get(0),
              warm.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", median(warm)),
              warm.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", Collections.max(warm)),
              warm.size());
        });
    failures.forEach(
        (step, why) ->
            out.printf(
                "| %s | %s | %s | failed: %s | | | |%n",
                step.role(), step.lang(), step.name(), why));
    out.println();
    out.println(
        "Slowest API requests (the browser's resource timings over every step: duration from the"
            + " request's start, queueing included; waiting = request sent to first byte):");
    out.println();
    out.println("| request | n | median ms | max ms | max waiting ms | bytes |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    List<Map.Entry<String, List<Request>>> byMax = new ArrayList<>(requests.entrySet());
    byMax.sort(
        Comparator.comparingDouble(
                (Map.Entry<String, List<Request>> e) -> max(e.getValue(), Request::durationMs))
            .reversed());
    for (Map.Entry<String, List<Request>> entry :
        byMax.subList(0, Math.min(slowest, byMax.size()))) {
      List<Request> seen = entry.getValue();
      List<Double> durations = new ArrayList<>();
      seen.forEach(r -> durations.add(r.durationMs()));
      out.printf(
          Locale.ROOT,
          "| `%s` | %d | %.0f | %.0f | %.0f | %d |%n",
          entry.getKey(),
          seen.size(),
          median(durations),
          max(seen, Request::durationMs),
          max(seen, Request::waitingMs),
          seen.get(seen.size() - 1).bytes());
    }
  }

  /** Every sample, one a line: role, language, step, round (0 = cold), milliseconds. */
  void printSamples(PrintStream out) {
    out.println("role\tlang\tstep\tround\tms");
    times.forEach(
        (step, values) -> {
          for (int round = 0; round < values.size(); round++) {
            out.printf(
                Locale.ROOT,
                "%s\t%s\t%s\t%d\t%.1f%n",
                step.role(),
                step.lang(),
                step.name(),
                round,
                values.get(round));
          }
        });
  }

  /** The median: the middle value, or the mean of the two middle ones. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double max(
      List<Request> requests, java.util.function.ToDoubleFunction<Request> field) {
    return requests.stream().mapToDouble(field).max().orElse(Double.NaN);
  }
}
