package org.rishe.common.results;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * Why a programme, or one of its outcomes, has no impact estimate: one row of {@link
 * ResultTables#PROGRAM_IMPACT_GAPS}. The analytics write it with its sentence ({@link
 * #describe()}); the API reads the counts back and words the sentence again with {@link
 * #describe(int)}, so that a researcher's sentence holds no count the researcher may not see.
 *
 * @param outcome the outcome indicator; null when the reason holds for every outcome of the
 *     programme ({@link #NOBODY_ENROLLED}, {@link #NOBODY_IN_SCOPE}, {@link #NO_OUTCOME_OBSERVED})
 * @param reason one of the reason codes below
 * @param enrolled consenting people ever enrolled in the programme
 * @param inScope of them, those in the analysis scope (an age at enrolment within the scope)
 * @param treatedWithOutcome enrolled people in scope with the outcome observed in the follow-up
 *     window; null with a null outcome
 * @param comparisonWithOutcome comparison people with the outcome observed in the window; null with
 *     a null outcome
 * @param treatedOutsideWindow enrolled people in scope whose outcome was observed after enrolment
 *     but never in the window; null with a null outcome
 * @param medianDaysOutsideWindow their median days from enrolment to the first such observation;
 *     null when there are none
 * @param followUpStartDays first day after enrolment on which an outcome counts
 * @param followUpEndDays last such day; null when the window has no end
 * @param minimumGroupSize fewest treated and fewest comparison people with the outcome for an
 *     estimate
 */
public record ProgramImpactGap(
    String programId,
    String outcome,
    String reason,
    long enrolled,
    long inScope,
    Long treatedWithOutcome,
    Long comparisonWithOutcome,
    Long treatedOutsideWindow,
    Double medianDaysOutsideWindow,
    int followUpStartDays,
    Integer followUpEndDays,
    int minimumGroupSize) {
  /** The programme has no consenting participant. */
  public static final String NOBODY_ENROLLED = "nobody_enrolled";

  /** Nobody enrolled has an age at enrolment within the scope (no birth date or year, say). */
  public static final String NOBODY_IN_SCOPE = "nobody_in_scope";

  /** No outcome indicator has a readable observation of anyone. */
  public static final String NO_OUTCOME_OBSERVED = "no_outcome_observed";

  /** Nobody enrolled in scope has the outcome observed in the follow-up window. */
  public static final String NO_OUTCOME_IN_WINDOW = "no_outcome_in_window";

  /** Fewer enrolled people than the minimum have the outcome observed in the window. */
  public static final String TOO_FEW_TREATED = "too_few_treated";

  /** Fewer comparison people than the minimum have the outcome observed in the window. */
  public static final String TOO_FEW_COMPARISON = "too_few_comparison";

  /** Both groups were large enough, and still the estimator gave no estimate. */
  public static final String NOT_ESTIMATED = "not_estimated";

  public static final Set<String> REASONS =
      Set.of(
          NOBODY_ENROLLED,
          NOBODY_IN_SCOPE,
          NO_OUTCOME_OBSERVED,
          NO_OUTCOME_IN_WINDOW,
          TOO_FEW_TREATED,
          TOO_FEW_COMPARISON,
          NOT_ESTIMATED);

  public ProgramImpactGap {
    requireNonNull(programId, "programId is null");
    requireNonNull(reason, "reason is null");
    if (!REASONS.contains(reason)) {
      throw new IllegalArgumentException(
          "unknown reason " + reason + ", expected one of " + REASONS);
    }
    if (followUpStartDays < 0 || (followUpEndDays != null && followUpEndDays < followUpStartDays)) {
      throw new IllegalArgumentException(
          "follow-up window must satisfy 0 <= start <= end days, got "
              + followUpStartDays
              + ".."
              + followUpEndDays);
    }
  }

  /** The sentence with every count, e.g. "185 enrolled, 0 outcomes in the follow-up window …". */
  public String describe() {
    return describe(0);
  }

  /**
   * The sentence with each count from 1 to {@code smallCellThreshold - 1} written as "fewer than
   * k", and a median of that few people left out: the wording a researcher may read. A threshold of
   * 0 or 1 shows every count.
   */
  public String describe(int smallCellThreshold) {
    Words words = new Words(smallCellThreshold);
    return switch (reason) {
      case NOBODY_ENROLLED -> "nobody enrolled";
      case NOBODY_IN_SCOPE ->
          words.count(enrolled)
              + " enrolled, none in scope: none has a birth date or year giving an age at"
              + " enrolment within the scope";
      case NO_OUTCOME_OBSERVED ->
          people(words) + "; no outcome indicator has a readable observation of anyone";
      case NO_OUTCOME_IN_WINDOW ->
          people(words)
              + ", 0 outcomes in the follow-up window of "
              + window()
              + "; "
              + outside(words);
      case TOO_FEW_TREATED ->
          words.count(value(treatedWithOutcome))
              + " enrolled with the outcome in the window, fewer than the "
              + minimumGroupSize
              + " needed";
      case TOO_FEW_COMPARISON ->
          words.count(value(comparisonWithOutcome))
              + " comparison people with the outcome in the window, fewer than the "
              + minimumGroupSize
              + " needed";
      default ->
          people(words)
              + ", "
              + words.count(value(treatedWithOutcome))
              + " with the outcome in the window and "
              + words.count(value(comparisonWithOutcome))
              + " comparison people; the estimator gave no estimate";
    };
  }

  /** The window as written in sentences: "30–365 days" or "30 days or more". */
  public String window() {
    return followUpEndDays == null
        ? followUpStartDays + " days or more"
        : followUpStartDays + "–" + followUpEndDays + " days";
  }

  private String people(Words words) {
    return inScope == enrolled
        ? words.count(enrolled) + " enrolled"
        : words.count(enrolled) + " enrolled (" + words.count(inScope) + " in scope)";
  }

  private String outside(Words words) {
    long outside = value(treatedOutsideWindow);
    if (outside == 0) {
      return "none observed after enrolment";
    }
    String count = words.count(outside) + " observed outside it";
    if (words.hidden(outside) || medianDaysOutsideWindow == null) {
      return count;
    }
    return count
        + String.format(
            Locale.ROOT,
            ", at a median %,d days after enrolment",
            Math.round(medianDaysOutsideWindow));
  }

  private static long value(Long count) {
    return count == null ? 0 : count;
  }

  /** Counts as words, small ones hidden. */
  private record Words(int smallCellThreshold) {
    boolean hidden(long count) {
      return count > 0 && count < smallCellThreshold;
    }

    String count(long count) {
      return hidden(count)
          ? "fewer than " + smallCellThreshold
          : String.format(Locale.ROOT, "%,d", count);
    }
  }
}
