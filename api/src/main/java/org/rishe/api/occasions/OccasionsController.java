package org.rishe.api.occasions;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.Language;
import org.rishe.api.results.OccasionGivingRow;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;
import org.rishe.common.occasions.Occasion;
import org.rishe.common.occasions.Occasions;
import org.rishe.common.results.ResultTables;

/**
 * {@code GET /occasions}: donations, amounts per currency and volunteer sign-ups in each occasion's
 * window against the weeks around it, as weekly rates and their ratio with a 95% interval; filters
 * {@code year} (Gregorian, of the window's start), {@code occasion} and {@code measure}; names in
 * English or Persian ({@code lang=fa}). A table (paged, CSV on ask). For the charity's own roles,
 * like the dashboard, counts are not suppressed.
 */
public final class OccasionsController {
  static final String METHOD =
      "weekly rate in the occasion's window over the weekly rate in the 8 weeks before and after it"
          + " (other occasions' windows and days outside the data left out); 95% interval exact"
          + " conditional Poisson for counts, delta method clustered by donor for amounts";

  private static final List<String> MEASURES =
      List.of(
          ResultTables.DONATIONS,
          ResultTables.AMOUNT,
          ResultTables.VOLUNTEER_SIGN_UPS,
          ResultTables.PLEDGES,
          ResultTables.PLEDGED_AMOUNT);

  private final ResultsStore results;

  public final Endpoint list =
      Endpoint.of(
              "donations and volunteer sign-ups on national and religious occasions against the"
                  + " weeks around them, as rate ratios with 95% CIs",
              this::list)
          .returns(OccasionsResponse.class)
          .query("year", "Gregorian year the occasion's window starts in, YYYY")
          .query("occasion", "an occasion code, e.g. nowruz or ramadan")
          .query("measure", "donations, amount, volunteer_sign_ups, pledges or pledged_amount")
          .query("lang", "name language: en (default) or fa")
          .table()
          .personDerived();

  public OccasionsController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** A rate ratio with its 95% interval; null parts where undefined. */
  public record RatioView(Double estimate, Double low, Double high) {}

  /** One measure of one occasion window as served. */
  public record OccasionView(
      String occasion,
      String name,
      String calendar,
      int occasionYear,
      int year,
      String startDate,
      String endDate,
      int days,
      int comparisonDays,
      List<String> overlaps,
      String measure,
      String currency,
      double occasionTotal,
      double comparisonTotal,
      double occasionWeekly,
      Double comparisonWeekly,
      RatioView rateRatio,
      long occasionEvents,
      long comparisonEvents,
      Long donors,
      String intervalMethod) {}

  /** The response: the run, the method, one page of rows and the next page's cursor. */
  public record OccasionsResponse(
      String run, String method, List<OccasionView> occasions, String nextCursor) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String lang = Language.of(ctx);
    Integer year = year(ctx, run.occasionGiving());
    String occasion = ctx.queryParam("occasion");
    if (occasion != null && Occasions.byCode(occasion).isEmpty()) {
      throw ApiProblem.badRequest(
          "occasion '" + occasion + "' is unknown; pass one of validOccasions",
          Map.of("validOccasions", Occasions.CATALOGUE.stream().map(Occasion::code).toList()));
    }
    String measure = ctx.queryParam("measure");
    if (measure != null && !MEASURES.contains(measure)) {
      throw ApiProblem.badRequest(
          "measure '" + measure + "' is unknown; pass one of validMeasures",
          Map.of("validMeasures", MEASURES));
    }
    List<OccasionView> rows =
        run.occasionGiving().stream()
            .filter(row -> year == null || row.year() == year)
            .filter(row -> occasion == null || row.occasion().equals(occasion))
            .filter(row -> measure == null || row.measure().equals(measure))
            .map(row -> view(row, lang))
            .toList();
    Tables.respond(
        ctx,
        run.runId(),
        OccasionView.class,
        rows,
        (page, next) -> new OccasionsResponse(run.runId(), METHOD, page, next));
  }

  private static OccasionView view(OccasionGivingRow row, String lang) {
    return new OccasionView(
        row.occasion(),
        "fa".equals(lang) ? row.nameFa() : row.nameEn(),
        row.calendar(),
        row.occasionYear(),
        row.year(),
        row.startDate(),
        row.endDate(),
        row.days(),
        row.comparisonDays(),
        row.overlaps(),
        row.measure(),
        row.currency(),
        row.occasionTotal(),
        row.comparisonTotal(),
        row.occasionWeekly(),
        row.comparisonWeekly(),
        new RatioView(row.rateRatio(), row.rateRatioLow(), row.rateRatioHigh()),
        row.occasionEvents(),
        row.comparisonEvents(),
        row.donors(),
        row.intervalMethod());
  }

  /** The {@code year} filter: a Gregorian year the run has windows for, or null when absent. */
  private static Integer year(Context ctx, List<OccasionGivingRow> rows) {
    String value = ctx.queryParam("year");
    if (value == null) {
      return null;
    }
    TreeSet<Integer> years = new TreeSet<>();
    rows.forEach(row -> years.add(row.year()));
    if (!value.matches("\\d{4}") || !years.contains(Integer.parseInt(value))) {
      throw ApiProblem.badRequest(
          "year must be a Gregorian year with occasions in the served run (YYYY), got '"
              + value
              + "'; pass one of validYears or leave year out",
          Map.of("validYears", List.copyOf(years)));
    }
    return Integer.parseInt(value);
  }
}
