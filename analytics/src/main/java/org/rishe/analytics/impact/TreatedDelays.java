package org.rishe.analytics.impact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Each programme's treated delays (days from registration to first enrolment) as the sorted list
 * they make, held as its distinct values with the last rank each reaches: the delay at rank {@code
 * r} (1 for the shortest; a missing delay sorts first) is the first value whose last rank is at
 * least {@code r}. The comparison people's draws read it ({@link
 * ProgramImpactTransforms#indexedPeople}). Its size is the number of distinct delays, bounded by
 * the days the data spans, whatever the number of people: it is sent to the tasks, not joined.
 */
final class TreatedDelays implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One programme's distinct delays, in rank order, with the last rank each reaches. */
  private record Ranked(long[] lastRanks, Integer[] delays) implements Serializable {
    long treated() {
      return lastRanks[lastRanks.length - 1];
    }
  }

  private final Map<String, Ranked> programs = new HashMap<>();

  /**
   * {@code rows}: {@code program_id, delay (null: missing), last_rank}, in any order; within a
   * programme, ranks rising with the delay and missing delays first.
   */
  TreatedDelays(List<Row> rows) {
    Map<String, List<Row>> byProgram = new HashMap<>();
    for (Row row : rows) {
      byProgram.computeIfAbsent(row.getString(0), program -> new ArrayList<>()).add(row);
    }
    byProgram.forEach(
        (program, programRows) -> {
          programRows.sort((left, right) -> Long.compare(left.getLong(2), right.getLong(2)));
          long[] ranks = new long[programRows.size()];
          Integer[] delays = new Integer[programRows.size()];
          for (int index = 0; index < ranks.length; index++) {
            Row row = programRows.get(index);
            ranks[index] = row.getLong(2);
            delays[index] = row.isNullAt(1) ? null : row.getInt(1);
          }
          programs.put(program, new Ranked(ranks, delays));
        });
  }

  /** Each programme with a treated person, and how many it has. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    programs.forEach((program, ranked) -> counts.put(program, ranked.treated()));
    return counts;
  }

  /**
   * The delay at {@code rank} among the programme's treated, or null (missing, or no such rank).
   */
  Integer at(String program, Long rank) {
    Ranked ranked = programs.get(program);
    if (ranked == null || rank == null || rank < 1 || rank > ranked.treated()) {
      return null;
    }
    // the last ranks rise strictly (each distinct delay holds at least one person): the first
    // reaching the rank is the one found, or where it would be inserted
    int found = Arrays.binarySearch(ranked.lastRanks(), rank);
    return ranked.delays()[found >= 0 ? found : -found - 1];
  }
}
