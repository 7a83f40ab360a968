package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Everything the exposure rule reads about one person in scope, as days since 1970-01-01: their
 * region, age, sex and registration day, the onset of their first case of each problem, and for
 * each factor the first day they were seen exposed and the first day seen unexposed. One such
 * record per person replaces a person × problem × factor table: every status of every problem is
 * decided from it in memory, so the root-cause counts cost one pass over people however many
 * problems and factors the catalogue has.
 *
 * <p>The rule ({@link #status}), against an index date: a factor is exposed if it was first seen
 * exposed on or before the index, else unexposed if first seen unexposed on or before it, else
 * missing. Another problem is exposed if its onset is strictly before the index (two problems
 * opened the same day are not ordered), else unexposed once the person is registered.
 */
final class PersonTimeline {
  /** A day that never came: no case, never seen exposed, no index date. */
  static final int NONE = Integer.MIN_VALUE;

  static final int EXPOSED = 1;
  static final int UNEXPOSED = 0;
  static final int MISSING = -1;

  /** Index of the common index date (after all data) in {@link #indexDay}. */
  static final int COMMON_INDEX = -1;

  final String person;

  /** The person's family (null when the timeline has none: then a family of their own). */
  final String family;

  final String region;
  final int age;
  final String sex;
  final int registered;
  private final Codes codes;
  private final int[] onset;
  private final int[] exposedFrom;
  private final int[] unexposedFrom;

  private PersonTimeline(
      String person,
      String family,
      String region,
      int age,
      String sex,
      int registered,
      Codes codes,
      int[] onset,
      int[] exposedFrom,
      int[] unexposedFrom) {
    this.person = person;
    this.family = family;
    this.region = region;
    this.age = age;
    this.sex = sex;
    this.registered = registered;
    this.codes = codes;
    this.onset = onset;
    this.exposedFrom = exposedFrom;
    this.unexposedFrom = unexposedFrom;
  }

  /**
   * The catalogue the timelines are read against: problems (in order), every code that may be an
   * exposure (factors and problems, in order), and per problem the median days from registration to
   * onset among its cases, which sets the index date of non-cases (null when it has no case).
   */
  static final class Codes implements Serializable {
    private static final long serialVersionUID = 1L;
    final List<String> problems;
    final List<String> codes;
    private final Map<String, Integer> problemIndex = new HashMap<>();
    private final Map<String, Integer> codeIndex = new HashMap<>();
    private final int[] problemOfCode;
    private final Integer[] lagDays;
    private final Map<String, Double> lags;

    Codes(List<String> problems, List<String> codes, Map<String, Double> lags) {
      this.problems = List.copyOf(problems);
      this.codes = List.copyOf(codes);
      for (int p = 0; p < problems.size(); p++) {
        problemIndex.put(problems.get(p), p);
      }
      problemOfCode = new int[codes.size()];
      for (int c = 0; c < codes.size(); c++) {
        codeIndex.put(codes.get(c), c);
        problemOfCode[c] = problemIndex.getOrDefault(codes.get(c), -1);
      }
      this.lags = Map.copyOf(lags);
      lagDays = new Integer[problems.size()];
      for (int p = 0; p < problems.size(); p++) {
        Double lag = lags.get(problems.get(p));
        // as Spark's date_add(registered, CAST(lag AS INT)): the median truncated to whole days
        lagDays[p] = lag == null ? null : lag.intValue();
      }
    }

    /** Per problem with a case, the median days from registration to onset. */
    Map<String, Double> lags() {
      return lags;
    }

    int problemCount() {
      return problems.size();
    }

    int codeCount() {
      return codes.size();
    }

    /** The code's problem index, or -1 for a factor. */
    int problemOfCode(int code) {
      return problemOfCode[code];
    }

    /** The index of {@code code}, or -1 when it is not among the codes. */
    int codeIndex(String code) {
      return codeIndex.getOrDefault(code, -1);
    }

    /** The code index of problem {@code problem}, or -1 when it is not among the codes. */
    int codeOfProblem(int problem) {
      return codeIndex.getOrDefault(problems.get(problem), -1);
    }
  }

  /**
   * Reads one row of {@link RootCauseTransforms#timelines}. Codes outside {@code codes} are
   * ignored.
   */
  static PersonTimeline of(Row row, Codes codes) {
    int[] onset = new int[codes.problemCount()];
    Arrays.fill(onset, NONE);
    List<Row> onsets = row.getList(row.fieldIndex(RootCauseTransforms.ONSETS));
    if (onsets != null) {
      for (Row problem : onsets) {
        Integer index = codes.problemIndex.get(problem.<String>getAs(ExposureTransforms.PROBLEM));
        if (index != null) {
          onset[index] = problem.<Integer>getAs(RootCauseTransforms.DAY);
        }
      }
    }
    int[] exposedFrom = new int[codes.codeCount()];
    int[] unexposedFrom = new int[codes.codeCount()];
    Arrays.fill(exposedFrom, NONE);
    Arrays.fill(unexposedFrom, NONE);
    List<Row> factors = row.getList(row.fieldIndex(RootCauseTransforms.FACTORS));
    if (factors != null) {
      for (Row factor : factors) {
        Integer index = codes.codeIndex.get(factor.<String>getAs(ExposureTransforms.FACTOR));
        if (index != null && codes.problemOfCode(index) < 0) {
          exposedFrom[index] = dayOrNone(factor.getAs(RootCauseTransforms.EXPOSED_DAY));
          unexposedFrom[index] = dayOrNone(factor.getAs(RootCauseTransforms.UNEXPOSED_DAY));
        }
      }
    }
    return new PersonTimeline(
        requireNonNull(row.getAs(ExposureTransforms.PERSON), "person is null"),
        row.getAs(ExposureTransforms.FAMILY),
        row.getAs(ExposureTransforms.REGION),
        row.<Integer>getAs(ExposureTransforms.AGE),
        row.getAs(ExposureTransforms.SEX),
        dayOrNone(row.getAs(RootCauseTransforms.REGISTERED_DAY)),
        codes,
        onset,
        exposedFrom,
        unexposedFrom);
  }

  private static int dayOrNone(Integer day) {
    return day == null ? NONE : day;
  }

  boolean isCase(int problem) {
    return onset[problem] != NONE;
  }

  int onset(int problem) {
    return onset[problem];
  }

  /**
   * The index date for {@code problem}: the onset of a case, else registration plus the problem's
   * typical lag; {@link #NONE} when the problem has no case at all. {@link #COMMON_INDEX} is a day
   * after any data, at which every observation counts.
   */
  int indexDay(int problem) {
    if (problem == COMMON_INDEX) {
      return Integer.MAX_VALUE;
    }
    if (onset[problem] != NONE) {
      return onset[problem];
    }
    Integer lag = codes.lagDays[problem];
    return lag == null || registered == NONE ? NONE : registered + lag;
  }

  /** {@link #EXPOSED}, {@link #UNEXPOSED} or {@link #MISSING} for {@code code} at {@code day}. */
  int status(int code, int day) {
    if (day == NONE) {
      return MISSING;
    }
    int problem = codes.problemOfCode(code);
    if (problem >= 0) {
      if (onset[problem] != NONE && onset[problem] < day) {
        return EXPOSED;
      }
      return registered != NONE && registered <= day ? UNEXPOSED : MISSING;
    }
    if (exposedFrom[code] != NONE && exposedFrom[code] <= day) {
      return EXPOSED;
    }
    return unexposedFrom[code] != NONE && unexposedFrom[code] <= day ? UNEXPOSED : MISSING;
  }

  /** The first day the person was seen exposed to {@code code} (a problem: its onset). */
  int exposedFrom(int code) {
    int problem = codes.problemOfCode(code);
    return problem >= 0 ? onset[problem] : exposedFrom[code];
  }
}
