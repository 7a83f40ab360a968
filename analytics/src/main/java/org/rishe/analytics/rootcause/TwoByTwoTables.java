package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2×2 tables of every problem × exposure code, per region and overall, with the lead days of
 * exposed cases, accumulated one {@link PersonTimeline} at a time. Each partition of people fills
 * its own tables and the tables are then summed ({@link #merge}), so all the counts of a run come
 * from one pass over people, with memory bounded by the number of tables (problems × codes ×
 * regions), never by the number of people.
 *
 * <p>Lead days are kept as exact histograms (one count per whole day), so the median is the exact
 * median, the mean of the two middle values when their number is even, as Spark's {@code median}.
 */
final class TwoByTwoTables implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int EXPOSED_CASES = 0;
  private static final int EXPOSED_NON_CASES = 1;
  private static final int UNEXPOSED_CASES = 2;
  private static final int UNEXPOSED_NON_CASES = 3;

  private final PersonTimeline.Codes codes;
  private final List<String> regions;
  private final Map<String, Integer> regionIndex = new HashMap<>();
  private final long[] cells;
  private final int[][] leadDays;

  /** Empty tables for {@code codes}; {@code regions} are the regions counted on their own. */
  TwoByTwoTables(PersonTimeline.Codes codes, List<String> regions) {
    this.codes = requireNonNull(codes, "codes is null");
    this.regions = List.copyOf(regions);
    for (int region = 0; region < regions.size(); region++) {
      regionIndex.put(regions.get(region), region);
    }
    int tables = codes.problemCount() * codes.codeCount() * (regions.size() + 1);
    cells = new long[tables * 4];
    leadDays = new int[tables][];
  }

  private int table(int problem, int code, int region) {
    int overall = regions.size();
    return (problem * codes.codeCount() + code) * (overall + 1) + (region < 0 ? overall : region);
  }

  /** Adds every known status of the person, for every problem, to the tables. */
  TwoByTwoTables add(PersonTimeline person) {
    Integer region = person.region == null ? null : regionIndex.get(person.region);
    for (int problem = 0; problem < codes.problemCount(); problem++) {
      int day = person.indexDay(problem);
      if (day == PersonTimeline.NONE) {
        continue;
      }
      boolean isCase = person.isCase(problem);
      int itself = codes.codeOfProblem(problem);
      for (int code = 0; code < codes.codeCount(); code++) {
        int status = code == itself ? PersonTimeline.MISSING : person.status(code, day);
        if (status == PersonTimeline.MISSING) {
          continue;
        }
        boolean exposed = status == PersonTimeline.EXPOSED;
        int cell =
            exposed
                ? (isCase ? EXPOSED_CASES : EXPOSED_NON_CASES)
                : (isCase ? UNEXPOSED_CASES : UNEXPOSED_NON_CASES);
        int lead = exposed && isCase ? person.onset(problem) - person.exposedFrom(code) : -1;
        count(table(problem, code, -1), cell, lead);
        if (region != null) {
          count(table(problem, code, region), cell, lead);
        }
      }
    }
    return this;
  }

  private void count(int table, int cell, int lead) {
    cells[table * 4 + cell]++;
    if (lead >= 0) {
      int[] histogram = leadDays[table];
      if (histogram == null || histogram.length <= lead) {
        histogram = Arrays.copyOf(histogram == null ? new int[0] : histogram, grownTo(lead));
        leadDays[table] = histogram;
      }
      histogram[lead]++;
    }
  }

  private static int grownTo(int lead) {
    return Math.max(64, Integer.highestOneBit(lead) * 2);
  }

  /** Adds {@code other}'s counts to these tables; returns these. */
  TwoByTwoTables merge(TwoByTwoTables other) {
    if (other.cells.length != cells.length) {
      throw new IllegalArgumentException("tables of different catalogues cannot be merged");
    }
    for (int i = 0; i < cells.length; i++) {
      cells[i] += other.cells[i];
    }
    for (int table = 0; table < leadDays.length; table++) {
      int[] theirs = other.leadDays[table];
      if (theirs == null) {
        continue;
      }
      int[] ours = leadDays[table];
      if (ours == null || ours.length < theirs.length) {
        ours = Arrays.copyOf(ours == null ? new int[0] : ours, theirs.length);
        leadDays[table] = ours;
      }
      for (int day = 0; day < theirs.length; day++) {
        ours[day] += theirs[day];
      }
    }
    return this;
  }

  /**
   * One row per problem, code and region with at least one person of known status, plus the overall
   * row (region null): the four cells and the median lead days of exposed cases.
   */
  List<RootCauseStatistics.Counts> counts() {
    List<RootCauseStatistics.Counts> counts = new ArrayList<>();
    for (int problem = 0; problem < codes.problemCount(); problem++) {
      for (int code = 0; code < codes.codeCount(); code++) {
        for (int region = -1; region < regions.size(); region++) {
          int table = table(problem, code, region);
          long exposedCases = cells[table * 4 + EXPOSED_CASES];
          long exposedTotal = exposedCases + cells[table * 4 + EXPOSED_NON_CASES];
          long unexposedCases = cells[table * 4 + UNEXPOSED_CASES];
          long unexposedTotal = unexposedCases + cells[table * 4 + UNEXPOSED_NON_CASES];
          if (exposedTotal + unexposedTotal == 0) {
            continue;
          }
          counts.add(
              new RootCauseStatistics.Counts(
                  codes.problems.get(problem),
                  region < 0 ? null : regions.get(region),
                  codes.codes.get(code),
                  exposedCases,
                  exposedTotal,
                  unexposedCases,
                  unexposedTotal,
                  median(leadDays[table])));
        }
      }
    }
    return counts;
  }

  /** The exact median of a histogram of whole days; null when it is empty. */
  static Double median(int[] histogram) {
    if (histogram == null) {
      return null;
    }
    long total = 0;
    for (int count : histogram) {
      total += count;
    }
    if (total == 0) {
      return null;
    }
    long lowerRank = (total - 1) / 2;
    long upperRank = total / 2;
    int lower = -1;
    long seen = 0;
    for (int day = 0; day < histogram.length; day++) {
      seen += histogram[day];
      if (lower < 0 && seen > lowerRank) {
        lower = day;
      }
      if (seen > upperRank) {
        return (lower + day) / 2.0;
      }
    }
    throw new IllegalStateException("unreachable: the ranks lie within the histogram");
  }
}
