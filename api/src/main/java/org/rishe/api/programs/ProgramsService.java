package org.rishe.api.programs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.PublishedRun;
import org.rishe.common.results.AgeBands;
import org.rishe.common.results.ProgramImpactGap;

/**
 * The programmes and, for one, its effect on each outcome (headline method first, every method
 * listed), with covariate balance, and why each outcome without an estimate has none, as a caller
 * may see them. A researcher does not see a count of 1 to k-1 people, nor an estimate, difference
 * or balance figure of an outcome measured on such a group.
 */
public final class ProgramsService {
  private ProgramsService() {}

  /** A programme as served. */
  public record ProgramView(
      String id,
      String name,
      String kind,
      String targetProblem,
      Double costPerParticipant,
      @Schema(
              description =
                  "consenting people ever enrolled; null for a researcher when 1 to k-1 or when"
                      + " POST /query withholds the programme's participants")
          Long participants) {}

  /** An estimate with its 95% interval. */
  public record EstimateView(Double estimate, Double low, Double high) {}

  private static final EstimateView WITHHELD = new EstimateView(null, null, null);

  public record MethodView(String method, EstimateView estimate) {}

  /**
   * A covariate's balance: its standardised mean differences and in how many propensity strata it
   * is still unbalanced; {@code label} its catalogue label in the language asked, else null.
   */
  public record BalanceView(
      String covariate,
      String label,
      Double before,
      Double after,
      @Schema(
              description =
                  "the number of propensity strata of the outcome's Dehejia-Wahba stratification;"
                      + " null for a run published before it was")
          Integer strata,
      @Schema(
              description =
                  "in how many of those strata the covariate's treated and control means still"
                      + " differ (Welch t-test, 5%), 0 when none: Dehejia and Wahba's balance"
                      + " check. About one stratum and covariate in twenty differs by chance;"
                      + " many more suggest revisiting the propensity specification. Null for a"
                      + " run published before it was")
          Integer unbalancedStrata) {}

  /**
   * One outcome: the headline method's estimate, the naive difference and the alternatives. For a
   * researcher, a group of 1 to k-1 people withholds its count and every estimate, difference and
   * balance figure of the outcome (a mean over a handful of children describes them).
   */
  public record OutcomeView(
      String outcome,
      @Schema(description = "the outcome's catalogue label in the language asked; null without one")
          String label,
      String outcomeType,
      String method,
      EstimateView estimate,
      Double naiveDifference,
      Long treated,
      Long controls,
      Long trimmedControls,
      EstimateView costPerOutcome,
      List<MethodView> methods,
      List<BalanceView> balance) {}

  /**
   * An outcome without an estimate, or the whole programme when {@code outcome} is null, and why. A
   * count is null where it is withheld from a researcher (1 to k-1 people) or does not apply.
   */
  public record NotEstimatedView(
      @Schema(description = "the outcome indicator; null when the reason holds for every outcome")
          String outcome,
      @Schema(description = "the outcome's catalogue label in the language asked; null without one")
          String label,
      @Schema(
              description =
                  "nobody_enrolled, nobody_in_scope, no_outcome_observed, no_outcome_in_window,"
                      + " too_few_treated, too_few_comparison or not_estimated")
          String reason,
      @Schema(
              description =
                  "the reason as a sentence in the language asked (lang=fa: Persian, Persian"
                      + " digits), with only the counts the caller may see")
          String text,
      @Schema(description = "consenting people ever enrolled") Long enrolled,
      @Schema(description = "of them, those with an age at enrolment within the scope")
          Long inScope,
      @Schema(description = "enrolled people in scope with the outcome in the follow-up window")
          Long treatedWithOutcome,
      @Schema(description = "comparison people with the outcome in the follow-up window")
          Long comparisonWithOutcome,
      @Schema(
              description =
                  "enrolled people in scope with the outcome observed after enrolment, never in"
                      + " the window")
          Long treatedOutsideWindow,
      @Schema(description = "their median days from enrolment to the first such observation")
          Double medianDaysOutsideWindow,
      @Schema(description = "first day after enrolment on which an outcome counts")
          int followUpStartDays,
      @Schema(description = "last such day; null when the window has no end")
          Integer followUpEndDays,
      @Schema(description = "fewest people with the outcome needed in each group")
          int minimumGroupSize) {}

  /** Every programme of the run. */
  public static List<ProgramView> programs(PublishedRun run, SmallCells rule) {
    return run.programs().stream().map(p -> view(p, rule)).toList();
  }

  /**
   * One programme's impact: the programme, its outcomes and what was not estimated.
   *
   * @throws ApiProblem 400 when the run has no programme {@code id}
   */
  public static Impact impact(PublishedRun run, String id, SmallCells rule, boolean persian) {
    Labels labels = new Labels(run, persian);
    PublishedRun.ProgramRow program =
        run.programs().stream()
            .filter(p -> p.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiProblem.unknownCode(
                        "program",
                        id,
                        run.programs().stream().map(PublishedRun.ProgramRow::id).toList()));
    List<NotEstimatedView> notEstimated =
        run.programImpactGaps().stream()
            .filter(gap -> gap.programId().equals(id))
            .map(gap -> notEstimated(gap, rule, labels, persian))
            .toList();
    return new Impact(view(program, rule), outcomes(run, id, rule, labels), notEstimated);
  }

  /** A programme's impact as served. */
  public record Impact(
      ProgramView program, List<OutcomeView> outcomes, List<NotEstimatedView> notEstimated) {}

  /**
   * A gap as served: small counts and the median of a small group withheld, and the enrolled count
   * as {@code /programs} serves the programme's participants (a protected lattice may withhold it
   * at any size; the in-scope count, most often the same, goes with it). The in-scope count also
   * goes when the enrolled out of scope (enrolled minus in scope) are 1 to k-1. The sentence is
   * worded from what is served, in the language asked: a withheld count is null and the sentence
   * does not give it.
   */
  private static NotEstimatedView notEstimated(
      ProgramImpactGap gap, SmallCells rule, Labels labels, boolean persian) {
    Long enrolled = rule.participants(gap.enrolled(), gap.programId());
    boolean enrolledWithheld = enrolled == null && !rule.isSmall(gap.enrolled());
    // the in-scope are part of the programme's participants: served as the participants lattice
    // and its age bands allow (the scope's age range is not in the run, so every band counts as
    // possibly outside it)
    Long inScope =
        enrolledWithheld || rule.isSmall(gap.enrolled() - gap.inScope())
            ? null
            : rule.within(
                "participants",
                gap.inScope(),
                Map.of("program", gap.programId()),
                AgeBands.labels());
    // the enrolled with the outcome, in the window or only outside it, are part of the programme's
    // participants too: served as its lattice cell allows, and never beside a withheld enrolled
    // count, which they often equal
    Long withOutcome = participantsWithin(rule, gap.treatedWithOutcome(), gap.programId());
    Long outside = participantsWithin(rule, gap.treatedOutsideWindow(), gap.programId());
    boolean treatedWithheld =
        enrolledWithheld
            || withheldAtAnySize(gap.treatedWithOutcome(), withOutcome, rule)
            || withheldAtAnySize(gap.treatedOutsideWindow(), outside, rule);
    if (treatedWithheld) {
      // both go together (one may be all the other is not); an empty count stays
      withOutcome = zeroOrNull(gap.treatedWithOutcome());
      outside = zeroOrNull(gap.treatedOutsideWindow());
    }
    ProgramImpactGap.Wording wording =
        new ProgramImpactGap.Wording(
            persian,
            rule.threshold(),
            enrolledWithheld,
            inScope == null && gap.inScope() != gap.enrolled() && !rule.isSmall(gap.inScope()),
            treatedWithheld);
    return new NotEstimatedView(
        gap.outcome(),
        gap.outcome() == null ? null : labels.of(gap.outcome()),
        gap.reason(),
        gap.describe(wording),
        enrolled,
        inScope,
        withOutcome,
        rule.count(gap.comparisonWithOutcome()),
        outside,
        outside == null ? null : gap.medianDaysOutsideWindow(),
        gap.followUpStartDays(),
        gap.followUpEndDays(),
        gap.minimumGroupSize());
  }

  private static List<OutcomeView> outcomes(
      PublishedRun run, String programId, SmallCells rule, Labels labels) {
    List<OutcomeView> outcomes = new ArrayList<>();
    List<PublishedRun.ProgramImpactRow> rows =
        run.programImpacts().stream().filter(row -> row.programId().equals(programId)).toList();
    for (PublishedRun.ProgramImpactRow headline : rows) {
      if (!headline.primary()) {
        continue;
      }
      List<MethodView> methods =
          rows.stream()
              .filter(row -> row.outcome().equals(headline.outcome()))
              .map(row -> new MethodView(row.method(), estimate(row, rule)))
              .toList();
      List<BalanceView> balance =
          run.programBalance().stream()
              .filter(
                  b -> b.programId().equals(programId) && b.outcome().equals(headline.outcome()))
              .map(b -> balanceView(b, rule, labels))
              .toList();
      EstimateView cost =
          headline.costPerOutcome() == null
              ? null
              : new EstimateView(
                  rounded(headline.costPerOutcome(), rule),
                  rounded(headline.costPerOutcomeLow(), rule),
                  rounded(headline.costPerOutcomeHigh(), rule));
      if (rule.anySmall(headline.treated(), headline.controls())) {
        outcomes.add(
            new OutcomeView(
                headline.outcome(),
                labels.of(headline.outcome()),
                headline.outcomeType(),
                headline.method(),
                WITHHELD,
                null,
                rule.count(headline.treated()),
                rule.count(headline.controls()),
                rule.count(headline.trimmedControls()),
                null,
                methods.stream().map(m -> new MethodView(m.method(), WITHHELD)).toList(),
                List.of()));
        continue;
      }
      outcomes.add(
          new OutcomeView(
              headline.outcome(),
              labels.of(headline.outcome()),
              headline.outcomeType(),
              headline.method(),
              estimate(headline, rule),
              rounded(headline.naiveDifference(), rule),
              participantsWithin(rule, headline.treated(), programId),
              headline.controls(),
              rule.count(headline.trimmedControls()),
              cost,
              methods,
              balance));
    }
    return outcomes;
  }

  /**
   * A count of the programme's participants narrower than all of them (those in scope with an
   * outcome) as served: see {@link SmallCells#within}. Everyone enrolled with an outcome is often
   * everyone enrolled, so this count is withheld wherever the participants lattice withholds the
   * programme (a complement, say) or would give a small group back beside it.
   */
  private static Long participantsWithin(SmallCells rule, Long count, String programId) {
    return count == null
        ? null
        : rule.within("participants", count, Map.of("program", programId), AgeBands.labels());
  }

  /**
   * A covariate's balance as served. A researcher does not see an indicator's (0 or 1 only: a
   * region, sex, an exposure, a missing answer): its difference is one of two shares over group
   * sizes served beside it, from which the counts of the treated and the comparison people with the
   * indicator follow (6 comparison children of a small region, or a region's people the query
   * withholds as a complement). Nor, from a run that does not say which covariates are indicators,
   * any covariate's. The number of strata and of those still unbalanced count propensity intervals
   * and the outcomes of tests within them, from which no count of people follows: they are served
   * with every row.
   */
  private static BalanceView balanceView(
      PublishedRun.ProgramBalanceRow row, SmallCells rule, Labels labels) {
    boolean withheld = rule.active() && !Boolean.FALSE.equals(row.binary());
    return new BalanceView(
        row.covariate(),
        labels.of(row.covariate()),
        withheld ? null : rounded(row.before(), rule),
        withheld ? null : rounded(row.after(), rule),
        row.strata(),
        row.unbalancedStrata());
  }

  /** Whether a count the run gives is withheld though it is not from 1 to k-1. */
  private static boolean withheldAtAnySize(Long count, Long served, SmallCells rule) {
    return count != null && served == null && !rule.isSmall(count);
  }

  private static Long zeroOrNull(Long count) {
    return count != null && count == 0 ? count : null;
  }

  private static EstimateView estimate(PublishedRun.ProgramImpactRow row, SmallCells rule) {
    return new EstimateView(
        rounded(row.estimate(), rule), rounded(row.low(), rule), rounded(row.high(), rule));
  }

  /** Significant digits of the figures a researcher gets from {@link #impact}. */
  static final int RESEARCHER_DIGITS = 3;

  /**
   * A figure of an outcome as served: to a researcher, to {@value #RESEARCHER_DIGITS} significant
   * digits. At full precision a difference of two shares or means is a fraction whose denominator
   * gives the group sizes behind it back, and with them a count the query withholds (418/518 -
   * 715/1188 = 5737/27972, whose factor 7 x 37 can only come from the 518 treated).
   */
  static Double rounded(Double value, SmallCells rule) {
    if (value == null || !rule.active() || value.isNaN() || value.isInfinite()) {
      return value;
    }
    return new BigDecimal(value).round(new MathContext(RESEARCHER_DIGITS)).doubleValue();
  }

  private static ProgramView view(PublishedRun.ProgramRow p, SmallCells rule) {
    return new ProgramView(
        p.id(),
        p.name(),
        p.kind(),
        p.targetProblem(),
        p.costPerParticipant(),
        rule.participants(p.participants(), p.id()));
  }
}
