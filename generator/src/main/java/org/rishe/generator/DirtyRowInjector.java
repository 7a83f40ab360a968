package org.rishe.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the extra invalid rows of {@code --dirty-rate}. Each injected row is a copy of the valid
 * row just written that breaks exactly one rule, so the quarantine count per reason is known: valid
 * rows are never altered (no reference ever dangles because of dirt), and a broken copy of a
 * single-key row gets a fresh key so it is not also a duplicate.
 */
final class DirtyRowInjector {
  private static final String FRESH_KEY_SUFFIX = "-bad";

  private final double rate;
  private final long[] counts = new long[DirtyReason.values().length];

  DirtyRowInjector(double rate) {
    this.rate = rate;
  }

  boolean enabled() {
    return rate > 0.0;
  }

  /** The broken copy to write after {@code cells}, or null when this row gets none. */
  Object[] maybeBreak(EntityFile file, Object[] cells, SplittableRandom random) {
    if (random.nextDouble() >= rate) {
      return null;
    }
    List<DirtyReason> reasons = applicable(file);
    DirtyReason reason = reasons.get(random.nextInt(reasons.size()));
    counts[reason.ordinal()]++;
    Object[] copy = Arrays.copyOf(cells, cells.length);
    if (reason == DirtyReason.DUPLICATE_KEY) {
      return copy;
    }
    if (file.singleKey()) {
      copy[0] = copy[0] + FRESH_KEY_SUFFIX;
    }
    switch (reason) {
      case MISSING_REQUIRED -> copy[0] = null;
      case UNPARSEABLE_DATE -> copy[file.dateColumn()] = dayFirst(cells[file.dateColumn()]);
      case UNKNOWN_INDICATOR ->
          copy[file.indicatorColumn()] = "retired_" + cells[file.indicatorColumn()];
      case UNKNOWN_REFERENCE ->
          copy[file.referenceColumn()] = Ids.unknown(String.valueOf(cells[file.referenceColumn()]));
      case SHORT_ROW -> copy = Arrays.copyOf(copy, Math.max(2, copy.length - 2));
      default -> throw new IllegalStateException("unhandled reason " + reason);
    }
    return copy;
  }

  long[] counts() {
    return counts.clone();
  }

  private static List<DirtyReason> applicable(EntityFile file) {
    List<DirtyReason> reasons = new ArrayList<>(6);
    reasons.add(DirtyReason.MISSING_REQUIRED);
    reasons.add(DirtyReason.UNPARSEABLE_DATE);
    if (file.indicatorColumn() >= 0) {
      reasons.add(DirtyReason.UNKNOWN_INDICATOR);
    }
    if (file.referenceColumn() >= 0) {
      reasons.add(DirtyReason.UNKNOWN_REFERENCE);
    }
    reasons.add(DirtyReason.DUPLICATE_KEY);
    reasons.add(DirtyReason.SHORT_ROW);
    return reasons;
  }

  /**
   * "2024-03-05" becomes "05.03.2024": no ISO or Jalali parser reads it, and distinct dates stay
   * distinct, so composite keys of broken rows never collide.
   */
  private static String dayFirst(Object value) {
    String text = String.valueOf(value);
    if (text.length() < 10) {
      return text + ".13";
    }
    String day = text.substring(0, 10);
    return day.substring(8, 10) + "." + day.substring(5, 7) + "." + day.substring(0, 4);
  }
}
