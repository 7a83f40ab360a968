package org.rishe.api.dashboard;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;

/** {@code GET /dashboard/summary} and {@code GET /dashboard/trends}: parse, validate, answer. */
public final class DashboardController {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private final ResultsStore results;
  private final int maxTrendPeriods;

  public final Endpoint summary =
      Endpoint.of("leadership KPIs for a period and region", this::summary)
          .returns(SummaryResponse.class)
          .query("from", "first month, YYYY-MM (in the chosen calendar)")
          .query("to", "last month, YYYY-MM")
          .query("region", "a region code; all regions when absent")
          .query("calendar", "gregorian (default) or jalali")
          .personDerived();

  public final Endpoint trends =
      Endpoint.of("a KPI as a monthly time series", this::trends)
          .returns(TrendsResponse.class)
          .query("metric", "the KPI to chart")
          .query("currency", "with metric=amountReceived: the currency (required)")
          .query("by", "month")
          .query("from", "first month, YYYY-MM")
          .query("to", "last month, YYYY-MM")
          .query("region", "a region code")
          .query("calendar", "gregorian (default) or jalali")
          .table()
          .personDerived()
          .expensive();

  /** {@code maxTrendPeriods}: the most points a trend may have (see {@link DashboardService}). */
  public DashboardController(ResultsStore results, int maxTrendPeriods) {
    this.results = requireNonNull(results, "results is null");
    this.maxTrendPeriods = maxTrendPeriods;
  }

  /** The summary response: the run, the query as understood, and the KPIs. */
  public record SummaryResponse(
      String run, String calendar, String from, String to, String region, Kpis kpis) {}

  /** The trends response: one point per month, a page of them. */
  public record TrendsResponse(
      String run,
      String metric,
      String by,
      String calendar,
      String region,
      String currency,
      List<DashboardService.Point> points,
      String nextCursor) {}

  private void summary(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    DashboardQuery query = query(ctx, run.dashboard());
    ctx.json(
        new SummaryResponse(
            run.runId(),
            query.calendar(),
            query.from(),
            query.to(),
            query.region(),
            DashboardService.summary(run.dashboard(), query)));
  }

  private void trends(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String metric = ctx.queryParam("metric");
    if (metric == null || !Kpis.METRICS.contains(metric)) {
      throw ApiProblem.badRequest(
          (metric == null ? "metric is missing" : "metric '" + metric + "' is unknown")
              + "; pass metric= one of validMetrics, e.g. metric=casesOpened",
          Map.of("validMetrics", Kpis.METRICS));
    }
    String by = ctx.queryParam("by");
    if (by != null && !by.equals("month")) {
      throw ApiProblem.badRequest(
          "by must be month (the only bucket published), got '"
              + by
              + "'; leave it out or pass by=month");
    }
    DashboardQuery query = query(ctx, run.dashboard());
    String currency = currency(ctx, metric, run.dashboard());
    // the points are computed only when the response cache has not answered the same request
    Tables.respond(
        ctx,
        run.runId(),
        DashboardService.Point.class,
        () ->
            new Tables.Computed<>(
                DashboardService.trend(run.dashboard(), query, metric, currency, maxTrendPeriods),
                (page, next) ->
                    new TrendsResponse(
                        run.runId(),
                        metric,
                        "month",
                        query.calendar(),
                        query.region(),
                        currency,
                        page,
                        next)));
  }

  /**
   * The currency of an {@code amountReceived} trend: required there, since amounts in different
   * currencies are never added; null for every other metric.
   */
  private static String currency(Context ctx, String metric, DashboardRun dashboard) {
    if (!metric.equals(Kpis.AMOUNT_RECEIVED)) {
      return null;
    }
    TreeSet<String> currencies = new TreeSet<>();
    dashboard.donations().forEach(row -> currencies.add(row.currency()));
    String currency = ctx.queryParam("currency");
    if (currency == null || !currencies.contains(currency)) {
      throw ApiProblem.badRequest(
          (currency == null ? "currency is missing" : "currency '" + currency + "' has no data")
              + ": amounts are never added across currencies; pass currency= one of"
              + " validCurrencies",
          Map.of("validCurrencies", List.copyOf(currencies)));
    }
    return currency;
  }

  private static DashboardQuery query(Context ctx, DashboardRun dashboard) {
    String calendar = ctx.queryParam("calendar");
    if (calendar == null) {
      calendar = "gregorian";
    } else if (!calendar.equals("gregorian") && !calendar.equals("jalali")) {
      throw ApiProblem.badRequest(
          "calendar must be gregorian or jalali, got '"
              + calendar
              + "'; leave it out for gregorian");
    }
    String from = month(ctx, "from", calendar);
    String to = month(ctx, "to", calendar);
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw ApiProblem.badRequest(
          "from (" + from + ") is after to (" + to + "); pass the earlier month as from");
    }
    String region = ctx.queryParam("region");
    if (region != null) {
      TreeSet<String> regions = new TreeSet<>();
      dashboard.monthly().forEach(row -> regions.add(row.region()));
      dashboard.donations().forEach(row -> regions.add(row.region()));
      if (!regions.contains(region)) {
        throw ApiProblem.badRequest(
            "region '"
                + region
                + "' has no published data; pass one of validRegions or leave"
                + " region out for all regions",
            Map.of("validRegions", List.copyOf(regions)));
      }
    }
    return new DashboardQuery(calendar, from, to, region);
  }

  private static String month(Context ctx, String name, String calendar) {
    String value = ctx.queryParam(name);
    if (value != null && !MONTH.matcher(value).matches()) {
      throw ApiProblem.badRequest(
          name
              + " must be a month written YYYY-MM in the "
              + calendar
              + " calendar (e.g. "
              + (calendar.equals("jalali") ? "1403-03" : "2024-06")
              + "), got '"
              + value
              + "'");
    }
    return value;
  }
}
