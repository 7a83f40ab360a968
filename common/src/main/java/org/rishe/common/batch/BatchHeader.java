package org.rishe.common.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The header row of a CSV file or a sheet, checked the same way for both: names trimmed, an empty
 * or repeated name fails the file, and the personal columns are known before any row is read.
 */
final class BatchHeader {
  private final List<String> names;
  private final boolean[] personal;
  private final Set<String> dropped = new LinkedHashSet<>();

  /**
   * @param source the file (or sheet) named in messages
   * @param where where a header cell is, by index, as the message adds it (such as {@code " in
   *     column B"}), or empty
   * @param drops the columns dropped as personal
   */
  BatchHeader(
      String source, List<String> cells, IntFunction<String> where, Predicate<String> drops) {
    List<String> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).trim();
      if (name.isEmpty()) {
        throw new BatchFileException(
            source
                + ": the header row has an empty column name"
                + where.apply(i)
                + "; name every column");
      }
      if (!seen.add(name)) {
        throw new BatchFileException(
            source + ": the header names column '" + name + "' twice; keep one");
      }
      checked.add(name);
    }
    this.names = List.copyOf(checked);
    this.personal = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      personal[i] = drops.test(names.get(i));
      if (personal[i]) {
        dropped.add(names.get(i));
      }
    }
  }

  List<String> names() {
    return names;
  }

  int size() {
    return names.size();
  }

  /** Whether the column at an index is dropped as personal. */
  boolean personal(int column) {
    return personal[column];
  }

  /**
   * A record's values by column name, personal columns left out and empty cells as null.
   *
   * @param cell the text of the cell at a column index
   */
  Map<String, String> values(IntFunction<String> cell) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (!personal[i]) {
        String text = cell.apply(i);
        values.put(names.get(i), text.isEmpty() ? null : text);
      }
    }
    return values;
  }

  /** The personal columns of the header. */
  Set<String> dropped() {
    return Set.copyOf(dropped);
  }
}
