package org.rishe.analytics.impact;

import java.io.Serializable;
import java.util.ArrayList;
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

  private final Map<String, long[]> lastRanks = new HashMap<>();
  private final Map<String, Integer[]> values = new HashMap<>();

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
          lastRanks.put(program, ranks);
          values.put(program, delays);
        });
  }

  /** Each programme with a treated person, and how many it has. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    lastRanks.forEach((program, ranks) -> counts.put(program, ranks[ranks.length - 1]));
    return counts;
  }

  /**
   * The delay at {@code rank} among the programme's treated, or null (missing, or no such rank).
   */
  Integer at(String program, Long rank) {
    long[] ranks = lastRanks.get(program);
    if (ranks == null || rank == null || rank < 1 || rank > ranks[ranks.length - 1]) {
      return null;
    }
    int low = 0;
    int high = ranks.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ranks[middle] >= rank) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return values.get(program)[low];
  }
}
