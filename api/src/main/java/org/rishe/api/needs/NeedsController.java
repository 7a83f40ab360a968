package org.rishe.api.needs;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.Language;
import org.rishe.api.results.NeedRow;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;
import org.rishe.common.needs.NeedKinds;

/**
 * {@code GET /needs} and {@code GET /needs/{ref}}: the anonymised needs board. A need is named by
 * its public reference only; its need id, subject and every date about the person stay in the
 * server. A person's age band and sex are served only where at least k people (the small-cell
 * threshold) with a need on the board share the need's region, kind, programme, age band and sex;
 * the rule depends on the need alone, so every filter, page and the single-need route show a need
 * the same way.
 */
public final class NeedsController {
  static final String RULE =
      "age band and sex are shown only where at least minGroupSize people with a need on the board"
          + " share the need's region, kind, programme, age band and sex";

  private final ResultsStore results;
  private final int smallCellThreshold;

  public final Endpoint list =
      Endpoint.of(
              "the needs board: open and pledged needs by public reference, a person's age band"
                  + " and sex only where at least k people with a need share them",
              this::list)
          .returns(NeedsResponse.class)
          .query("kind", "a kind of need, e.g. school_fees")
          .query("region", "a region code")
          .query("program", "a programme id")
          .query("currency", "an ISO 4217 code, e.g. IRR")
          .query("minAmount", "the least amount, in the need's currency")
          .query("maxAmount", "the greatest amount, in the need's currency")
          .query("lang", "label language: en (default) or fa")
          .table()
          .personDerived();

  public final Endpoint show =
      Endpoint.of("one need of the needs board", this::show)
          .returns(NeedView.class)
          .query("lang", "label language: en (default) or fa")
          .personDerived();

  public NeedsController(ResultsStore results, int smallCellThreshold) {
    this.results = requireNonNull(results, "results is null");
    if (smallCellThreshold < 1) {
      throw new IllegalArgumentException("the small-cell threshold must be at least 1");
    }
    this.smallCellThreshold = smallCellThreshold;
  }

  /** One need as served. */
  public record NeedView(
      String needRef,
      String kind,
      String kindLabel,
      Double amount,
      String currency,
      String region,
      String program,
      String programName,
      String ageBand,
      String sex,
      int daysOpen,
      String status) {}

  /** The board: the run, the rule and k, one page of needs and the next page's cursor. */
  public record NeedsResponse(
      String run, String rule, int minGroupSize, List<NeedView> needs, String nextCursor) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String lang = Language.of(ctx);
    List<NeedRow> board = run.needsBoard();
    String kind = ctx.queryParam("kind");
    if (kind != null && NeedKinds.byCode(kind).isEmpty()) {
      throw unknown("kind", kind, "validKinds", NeedKinds.codes());
    }
    String region = known(ctx, "region", "validRegions", values(board, NeedRow::region));
    TreeSet<String> programs = values(board, NeedRow::programId);
    run.programs().forEach(program -> programs.add(program.id()));
    String program = known(ctx, "program", "validPrograms", programs);
    String currency = known(ctx, "currency", "validCurrencies", values(board, NeedRow::currency));
    Double minAmount = amount(ctx, "minAmount");
    Double maxAmount = amount(ctx, "maxAmount");
    if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
      throw ApiProblem.badRequest(
          "minAmount (" + minAmount + ") is above maxAmount (" + maxAmount + ")");
    }
    Map<String, String> names = programNames(run);
    List<NeedView> rows =
        board.stream()
            .filter(row -> kind == null || kind.equals(row.kind()))
            .filter(row -> region == null || region.equals(row.region()))
            .filter(row -> program == null || program.equals(row.programId()))
            .filter(row -> currency == null || currency.equals(row.currency()))
            .filter(row -> minAmount == null || (row.amount() != null && row.amount() >= minAmount))
            .filter(row -> maxAmount == null || (row.amount() != null && row.amount() <= maxAmount))
            .map(row -> view(row, lang, names))
            .toList();
    Tables.respond(
        ctx,
        run.runId(),
        NeedView.class,
        rows,
        (page, next) -> new NeedsResponse(run.runId(), RULE, smallCellThreshold, page, next));
  }

  private void show(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String lang = Language.of(ctx);
    String ref = ctx.pathParam("ref");
    NeedRow need =
        run.need(ref)
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "no open or pledged need with this reference in the served run; a need"
                            + " leaves the board once it is met or withdrawn"));
    ctx.json(view(need, lang, programNames(run)));
  }

  /** The need as served: no need id, no subject, age band and sex only as the rule allows. */
  NeedView view(NeedRow row, String lang, Map<String, String> programNames) {
    boolean shown = row.shown(smallCellThreshold);
    return new NeedView(
        row.needRef(),
        row.kind(),
        NeedKinds.byCode(row.kind())
            .map(kind -> "fa".equals(lang) ? kind.labelFa() : kind.labelEn())
            .orElse(row.kind()),
        row.amount(),
        row.currency(),
        row.region(),
        row.programId(),
        row.programId() == null ? null : programNames.get(row.programId()),
        shown ? row.ageBand() : null,
        shown ? row.sex() : null,
        row.daysOpen(),
        row.status());
  }

  private static Map<String, String> programNames(PublishedRun run) {
    return run.programs().stream()
        .collect(
            Collectors.toMap(
                PublishedRun.ProgramRow::id, PublishedRun.ProgramRow::name, (a, b) -> a));
  }

  private static TreeSet<String> values(List<NeedRow> board, Function<NeedRow, String> column) {
    return board.stream()
        .map(column)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The filter's value, which must be one of {@code valid}; null when absent. */
  private static String known(Context ctx, String name, String validName, TreeSet<String> valid) {
    String value = ctx.queryParam(name);
    if (value != null && !valid.contains(value)) {
      throw unknown(name, value, validName, List.copyOf(valid));
    }
    return value;
  }

  private static ApiProblem unknown(
      String name, String value, String validName, List<String> valid) {
    return ApiProblem.badRequest(
        name + " '" + value + "' is not on the served board; pass one of " + validName,
        Map.of(validName, valid));
  }

  private static Double amount(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      double amount = Double.parseDouble(value.trim());
      if (Double.isFinite(amount) && amount >= 0 && !value.isBlank()) {
        return amount;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiProblem.badRequest(
        name + " must be a number of 0 or more, e.g. 1000000, got '" + value + "'");
  }
}
