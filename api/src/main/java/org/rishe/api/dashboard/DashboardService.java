package org.rishe.api.dashboard;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.common.results.ResultTables;

/**
 * Sums the published monthly cube into KPIs for any period and region, and follows one KPI month by
 * month. Medians come from the published day-count histograms, so they are exact for any period.
 * Javalin-free.
 */
public final class DashboardService {
  private DashboardService() {}

  /** The KPIs of the query's period and region. */
  public static Kpis summary(DashboardRun run, DashboardQuery query) {
    long people = 0;
    long families = 0;
    long opened = 0;
    long closed = 0;
    long resolved = 0;
    long participants = 0;
    long exits = 0;
    long completions = 0;
    double cost = 0;
    for (DashboardRun.MonthlyRow row : run.monthly()) {
      if (query.includes(row.calendar(), row.month(), row.region())) {
        people += row.peopleReached();
        families += row.familiesReached();
        opened += row.casesOpened();
        closed += row.casesClosed();
        resolved += row.casesResolved();
        participants += row.participants();
        exits += row.programExits();
        completions += row.completions();
        cost += row.programCost();
      }
    }
    long received = 0;
    long delivered = 0;
    Map<String, Double> amounts = new TreeMap<>();
    for (DashboardRun.DonationMonthRow row : run.donations()) {
      if (query.includes(row.calendar(), row.month(), row.region())) {
        received += row.donations();
        delivered += row.delivered();
        amounts.merge(row.currency(), row.amount(), Double::sum);
      }
    }
    return new Kpis(
        people,
        families,
        opened,
        closed,
        resolved,
        median(run, query, ResultTables.DAYS_TO_RESOLUTION),
        participants,
        completions,
        ratio(completions, exits),
        received,
        amounts.entrySet().stream().map(e -> new Kpis.Amount(e.getKey(), e.getValue())).toList(),
        delivered,
        ratio(delivered, received),
        median(run, query, ResultTables.DAYS_TO_DELIVERY),
        participants == 0 ? null : cost / participants);
  }

  /**
   * The most points one trend may have: 240 months, 20 years of monthly history. Each point sums
   * the run's rows again, so the work grows with the span asked for, and {@code from}/{@code to}
   * may name any months (0001-01 to 9999-12 would be 119,988 points). 240 keeps the dashboard's
   * default chart (the data's whole span) working for a charity with twenty years of records.
   * Counted in points, not years: {@code month} is the only bucket, and a coarser one would keep
   * this count.
   */
  public static final int MAX_PERIODS = 240;

  /**
   * One point per month from the query's first to last month (the data's when open); {@code
   * currency} is the currency of {@code amountReceived} and otherwise unused. A span of more than
   * {@code maxPeriods} months is refused with a 400 before any point is computed. The rows the
   * query includes are sorted into their months in one pass, and each point is the summary of its
   * month's rows alone: summing the whole run again for every month took 1.4 s a trend at 100,000
   * families (bench/dashboard).
   */
  public static List<Point> trend(
      DashboardRun run, DashboardQuery query, String metric, String currency, int maxPeriods) {
    TreeMap<String, MonthRows> byMonth = new TreeMap<>();
    for (DashboardRun.MonthlyRow row : run.monthly()) {
      if (query.includes(row.calendar(), row.month(), row.region())) {
        byMonth.computeIfAbsent(row.month(), m -> new MonthRows()).monthly.add(row);
      }
    }
    for (DashboardRun.DonationMonthRow row : run.donations()) {
      if (query.includes(row.calendar(), row.month(), row.region())) {
        byMonth.computeIfAbsent(row.month(), m -> new MonthRows()).donations.add(row);
      }
    }
    if (byMonth.isEmpty() && (query.from() == null || query.to() == null)) {
      return List.of();
    }
    // Both calendars have twelve months a year, so YearMonth arithmetic steps Jalali keys too.
    YearMonth first = YearMonth.parse(query.from() != null ? query.from() : byMonth.firstKey());
    YearMonth last = YearMonth.parse(query.to() != null ? query.to() : byMonth.lastKey());
    checkSpan(query, first, last, maxPeriods);
    for (DashboardRun.DurationRow row : run.durations()) {
      if (query.includes(row.calendar(), row.month(), row.region())) {
        byMonth.computeIfAbsent(row.month(), m -> new MonthRows()).durations.add(row);
      }
    }
    List<Point> points = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      String key = month.toString();
      DashboardRun rows = byMonth.getOrDefault(key, new MonthRows()).asRun();
      points.add(new Point(key, summary(rows, query.forMonth(key)).metric(metric, currency)));
    }
    return points;
  }

  /** The rows of one month that a trend's query includes. */
  private static final class MonthRows {
    final List<DashboardRun.MonthlyRow> monthly = new ArrayList<>();
    final List<DashboardRun.DonationMonthRow> donations = new ArrayList<>();
    final List<DashboardRun.DurationRow> durations = new ArrayList<>();

    DashboardRun asRun() {
      return new DashboardRun(monthly, durations, donations, List.of(), Map.of(), Map.of());
    }
  }

  /** Refuses a span of more than {@code maxPeriods} months, saying which span and what to ask. */
  private static void checkSpan(
      DashboardQuery query, YearMonth first, YearMonth last, int maxPeriods) {
    long periods = ChronoUnit.MONTHS.between(first, last) + 1;
    if (periods <= maxPeriods) {
      return;
    }
    String defaulted =
        query.from() == null || query.to() == null
            ? " (an absent from or to is the data's first or last month)"
            : "";
    throw ApiProblem.badRequest(
        "the trend from "
            + first
            + " to "
            + last
            + defaulted
            + " has "
            + periods
            + " monthly points, more than the "
            + maxPeriods
            + " one trend may have; pass from and to at most "
            + maxPeriods
            + " months apart, e.g. from="
            + last.minusMonths(maxPeriods - 1L)
            + "&to="
            + last,
        Map.of(
            "maximumPeriods",
            maxPeriods,
            "requestedPeriods",
            periods,
            "from",
            first.toString(),
            "to",
            last.toString()));
  }

  /** A month of a trend and the metric's value (null where it has none). */
  public record Point(String period, Number value) {}

  private static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  /** The median of a day-count histogram: the middle value, or the mean of the middle two. */
  static Double median(DashboardRun run, DashboardQuery query, String measure) {
    TreeMap<Integer, Long> histogram = new TreeMap<>();
    for (DashboardRun.DurationRow row : run.durations()) {
      if (row.measure().equals(measure)
          && query.includes(row.calendar(), row.month(), row.region())) {
        histogram.merge(row.days(), row.count(), Long::sum);
      }
    }
    long total = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    long lowerRank = (total + 1) / 2;
    long upperRank = total / 2 + 1;
    Integer lower = null;
    Integer upper = null;
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
      seen += entry.getValue();
      if (lower == null && seen >= lowerRank) {
        lower = entry.getKey();
      }
      if (seen >= upperRank) {
        upper = entry.getKey();
        break;
      }
    }
    return (lower + upper) / 2.0;
  }
}
