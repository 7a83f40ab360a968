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
    return describe(Wording.english(0));
  }

  /**
   * The English sentence with each count from 1 to {@code smallCellThreshold - 1} written as "fewer
   * than k", and a median of that few people left out: the wording a researcher may read. A
   * threshold of 0 or 1 shows every count.
   */
  public String describe(int smallCellThreshold) {
    return describe(Wording.english(smallCellThreshold));
  }

  /**
   * The sentence in the wording's language (Persian with Persian digits), with the counts the
   * wording withholds written without their value. One place words the reason in both languages, so
   * the English and Persian pages, the client and the run's manifest say the same thing.
   */
  public String describe(Wording wording) {
    return sentence(new Words(wording));
  }

  /**
   * How a sentence is worded for its reader.
   *
   * @param persian Persian words and digits; English otherwise
   * @param smallCellThreshold counts from 1 to this minus one are written "fewer than k"; 0 or 1
   *     shows every count
   * @param enrolledWithheld the enrolled count (and the in-scope count, which is most often the
   *     same) is withheld whatever its size, as when a protected lattice withholds the programme's
   *     participants: it is written as withheld
   * @param inScopeWithheld the in-scope count is left out of the sentence (as when it would give a
   *     small group out of scope away beside the enrolled and a lattice's age bands)
   * @param treatedWithheld the counts of enrolled people with the outcome (in the window, or only
   *     outside it) are withheld whatever their size, as when they would give a withheld or small
   *     group of the programme's participants away: they are written as withheld
   */
  public record Wording(
      boolean persian,
      int smallCellThreshold,
      boolean enrolledWithheld,
      boolean inScopeWithheld,
      boolean treatedWithheld) {
    /** A wording that leaves the in-scope and treated counts as the threshold alone decides. */
    public Wording(boolean persian, int smallCellThreshold, boolean enrolledWithheld) {
      this(persian, smallCellThreshold, enrolledWithheld, false, false);
    }

    /** English, counts from 1 to k-1 hidden. */
    public static Wording english(int smallCellThreshold) {
      return new Wording(false, smallCellThreshold, false);
    }
  }

  /** One phrase in both languages, its slots ({@code %s}) filled with words for counts. */
  private record Phrase(String english, String persian) {}

  private static final Phrase NOBODY = new Phrase("nobody enrolled", "هیچ‌کس ثبت‌نام نکرده است");
  private static final Phrase NONE_IN_SCOPE =
      new Phrase(
          "%s enrolled, none in scope: none has a birth date or year giving an age at enrolment"
              + " within the scope",
          "%s ثبت‌نام‌شده، هیچ‌کدام در دامنهٔ تحلیل نیست: هیچ‌کدام تاریخ یا سال تولدی ندارد که"
              + " سنی در دامنه هنگام ثبت‌نام بدهد");
  private static final Phrase NO_OBSERVATION =
      new Phrase(
          "%s; no outcome indicator has a readable observation of anyone",
          "%s؛ هیچ شاخص پیامدی مشاهدهٔ خوانایی از کسی ندارد");
  private static final Phrase NONE_IN_WINDOW =
      new Phrase(
          "%s, %s outcomes in the follow-up window of %s; %s",
          "%s، %s پیامد در پنجرهٔ پیگیری %s؛ %s");
  private static final Phrase FEW_TREATED =
      new Phrase(
          "%s enrolled with the outcome in the window, fewer than the %s needed",
          "%s ثبت‌نام‌شده با پیامد در پنجره، کمتر از %s نفر لازم");
  private static final Phrase FEW_COMPARISON =
      new Phrase(
          "%s comparison people with the outcome in the window, fewer than the %s needed",
          "%s نفر از گروه مقایسه با پیامد در پنجره، کمتر از %s نفر لازم");
  private static final Phrase NO_ESTIMATE =
      new Phrase(
          "%s, %s with the outcome in the window and %s comparison people; the estimator gave no"
              + " estimate",
          "%s، %s با پیامد در پنجره و %s نفر از گروه مقایسه؛ برآوردگر برآوردی نداد");

  private String sentence(Words words) {
    return switch (reason) {
      case NOBODY_ENROLLED -> words.say(NOBODY);
      case NOBODY_IN_SCOPE -> words.say(NONE_IN_SCOPE, words.enrolled(enrolled));
      case NO_OUTCOME_OBSERVED -> words.say(NO_OBSERVATION, people(words));
      case NO_OUTCOME_IN_WINDOW ->
          words.say(NONE_IN_WINDOW, people(words), words.number(0), window(words), outside(words));
      case TOO_FEW_TREATED ->
          words.say(
              FEW_TREATED,
              words.treated(value(treatedWithOutcome)),
              words.number(minimumGroupSize));
      case TOO_FEW_COMPARISON ->
          words.say(
              FEW_COMPARISON,
              words.count(value(comparisonWithOutcome)),
              words.number(minimumGroupSize));
      default ->
          words.say(
              NO_ESTIMATE,
              people(words),
              words.treated(value(treatedWithOutcome)),
              words.count(value(comparisonWithOutcome)));
    };
  }

  /** The window as written in English sentences: "30–365 days" or "30 days or more". */
  public String window() {
    return window(new Words(Wording.english(0)));
  }

  private String window(Words words) {
    if (words.persian()) {
      return followUpEndDays == null
          ? words.number(followUpStartDays) + " روز یا بیشتر"
          : words.number(followUpStartDays) + " تا " + words.number(followUpEndDays) + " روز";
    }
    return followUpEndDays == null
        ? followUpStartDays + " days or more"
        : followUpStartDays + "–" + followUpEndDays + " days";
  }

  private String people(Words words) {
    String enrolledWord = words.persian() ? " ثبت‌نام‌شده" : " enrolled";
    String inScopeWord = words.persian() ? " در دامنه" : " in scope";
    // the in-scope count goes where it would give a group of 1 to k-1 out of scope away
    return inScope == enrolled
            || words.wording().enrolledWithheld()
            || words.wording().inScopeWithheld()
            || words.hidden(enrolled - inScope)
        ? words.enrolled(enrolled) + enrolledWord
        : words.enrolled(enrolled)
            + enrolledWord
            + " ("
            + words.enrolled(inScope)
            + inScopeWord
            + ")";
  }

  private String outside(Words words) {
    long outside = value(treatedOutsideWindow);
    if (outside == 0) {
      return words.persian()
          ? "هیچ‌کدام پس از ثبت‌نام مشاهده نشده است"
          : "none observed after enrolment";
    }
    String count =
        words.treated(outside)
            + (words.persian() ? " بیرون از آن مشاهده شده" : " observed outside it");
    if (words.hidden(outside)
        || words.wording().treatedWithheld()
        || medianDaysOutsideWindow == null) {
      return count;
    }
    long median = Math.round(medianDaysOutsideWindow);
    return words.persian()
        ? count + "، با میانهٔ " + words.number(median) + " روز پس از ثبت‌نام"
        : count + ", at a median " + words.number(median) + " days after enrolment";
  }

  private static long value(Long count) {
    return count == null ? 0 : count;
  }

  /** Counts as words in the wording's language, small ones hidden. */
  private record Words(Wording wording) {
    private static final String PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

    /** The Arabic thousands separator, as browsers write Persian numbers. */
    private static final char PERSIAN_GROUPING = '\u066C';

    boolean persian() {
      return wording.persian();
    }

    /** The phrase in the wording's language, its slots filled in order. */
    String say(Phrase phrase, String... slots) {
      return String.format(
          Locale.ROOT, persian() ? phrase.persian() : phrase.english(), (Object[]) slots);
    }

    boolean hidden(long count) {
      return count > 0 && count < wording.smallCellThreshold();
    }

    /** A count of people: "fewer than k" when hidden. */
    String count(long count) {
      if (!hidden(count)) {
        return number(count);
      }
      String k = number(wording.smallCellThreshold());
      return persian() ? "کمتر از " + k : "fewer than " + k;
    }

    /** The enrolled or in-scope count: withheld whatever its size when the wording says so. */
    String enrolled(long count) {
      return wording.enrolledWithheld() ? withheld() : count(count);
    }

    /** A count of enrolled people with the outcome: withheld when the wording says so. */
    String treated(long count) {
      return wording.treatedWithheld() && count > 0 ? withheld() : count(count);
    }

    private String withheld() {
      return persian() ? "شماری ناگفته" : "a withheld number";
    }

    /** A number with thousands grouped: "1,095", or "۱٬۰۹۵" in Persian. */
    String number(long value) {
      String latin = String.format(Locale.ROOT, "%,d", value);
      if (!persian()) {
        return latin;
      }
      StringBuilder persian = new StringBuilder(latin.length());
      for (char c : latin.toCharArray()) {
        if (c >= '0' && c <= '9') {
          persian.append(PERSIAN_DIGITS.charAt(c - '0'));
        } else {
          persian.append(c == ',' ? PERSIAN_GROUPING : c);
        }
      }
      return persian.toString();
    }
  }
}
