package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rishe.analytics.stats.FamilySums;

/**
 * The 2×2 tables of every problem × exposure code, per region and overall, with the lead days of
 * exposed cases, accumulated one {@link PersonTimeline} at a time. Each partition of people fills
 * its own tables and the tables are then summed ({@link #merge}), so all the counts of a run come
 * from one pass over people, with memory bounded by the number of tables (problems × codes ×
 * regions), never by the number of people.
 *
 * <p>People arrive grouped by family (all of a family together, see {@link
 * RootCauseTransforms#twoByTwoCounts}): each family's own cells are kept aside and, when the next
 * family starts, their products are added to the table's {@link FamilySums}, so the clustered
 * variances cost no more passes and no memory per family beyond the tables it touched.
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
  private static final int PRODUCTS = 10;

  private final PersonTimeline.Codes codes;
  private final List<String> regions;
  private final Map<String, Integer> regionIndex = new HashMap<>();
  private final long[] cells;
  private final int[][] leadDays;
  // Σ_f x_f x_f' per table (10 entries each) and the number of families per table
  private final double[] products;
  private final long[] families;
  // the current family's own cells, and the tables it touched so far
  private final int[] familyCells;
  private final int[] touched;
  private int touchedCount;
  private String family;

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
    products = new double[tables * PRODUCTS];
    families = new long[tables];
    familyCells = new int[tables * 4];
    touched = new int[tables];
  }

  private int table(int problem, int code, int region) {
    int overall = regions.size();
    return (problem * codes.codeCount() + code) * (overall + 1) + (region < 0 ? overall : region);
  }

  /**
   * Adds every known status of the person, for every problem, to the tables. People of one family
   * must come one after another; a person without a family is a family of their own.
   */
  TwoByTwoTables add(PersonTimeline person) {
    if (person.family == null || !person.family.equals(family)) {
      endFamily();
      family = person.family;
    }
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
    int own = table * 4;
    if (familyCells[own] + familyCells[own + 1] + familyCells[own + 2] + familyCells[own + 3]
        == 0) {
      touched[touchedCount++] = table;
    }
    familyCells[own + cell]++;
    if (lead >= 0) {
      int[] histogram = leadDays[table];
      if (histogram == null || histogram.length <= lead) {
        histogram = Arrays.copyOf(histogram == null ? new int[0] : histogram, grownTo(lead));
        leadDays[table] = histogram;
      }
      histogram[lead]++;
    }
  }

  /** Adds the current family's products to its tables and starts afresh. */
  private void endFamily() {
    for (int t = 0; t < touchedCount; t++) {
      int table = touched[t];
      int own = table * 4;
      for (int i = 0; i < 4; i++) {
        for (int j = i; j < 4; j++) {
          products[table * PRODUCTS + FamilySums.index(i, j)] +=
              (double) familyCells[own + i] * familyCells[own + j];
        }
      }
      families[table]++;
      Arrays.fill(familyCells, own, own + 4, 0);
    }
    touchedCount = 0;
    family = null;
  }

  private static int grownTo(int lead) {
    return Math.max(64, Integer.highestOneBit(lead) * 2);
  }

  /** Adds {@code other}'s counts to these tables; returns these. */
  TwoByTwoTables merge(TwoByTwoTables other) {
    if (other.cells.length != cells.length) {
      throw new IllegalArgumentException("tables of different catalogues cannot be merged");
    }
    endFamily();
    other.endFamily();
    for (int i = 0; i < cells.length; i++) {
      cells[i] += other.cells[i];
    }
    for (int i = 0; i < products.length; i++) {
      products[i] += other.products[i];
    }
    for (int i = 0; i < families.length; i++) {
      families[i] += other.families[i];
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
   * row (region null): the four cells, the median lead days of exposed cases and the families'
   * sums.
   */
  List<RootCauseStatistics.Counts> counts() {
    endFamily();
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
                  median(leadDays[table]),
                  new FamilySums(
                      families[table],
                      Arrays.copyOfRange(products, table * PRODUCTS, (table + 1) * PRODUCTS))));
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
