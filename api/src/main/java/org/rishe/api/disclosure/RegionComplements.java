package org.rishe.api.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Complementary suppression across one level of the region hierarchy. A table served for all
 * regions together and for each region alone lets a caller subtract: the overall cells minus the
 * cells of the regions served are the cells of the regions withheld (together with the people of no
 * region). So after the regions with a small cell are withheld, more are withheld, smallest first,
 * until that difference has no cell from 1 to k-1; when no region is left to withhold, the overall
 * row goes too.
 *
 * <p>Every region's cells must be the same cells, in the same order, as the overall row's: e.g. the
 * six cells of a 2×2 table with a missing-answer row.
 */
public final class RegionComplements {
  private RegionComplements() {}

  /**
   * What to withhold.
   *
   * @param regions the regions whose row is withheld
   * @param overall whether the overall row is withheld
   */
  public record Withheld(Set<String> regions, boolean overall) {
    public Withheld {
      regions = Set.copyOf(regions);
    }
  }

  /**
   * Protects one table.
   *
   * @param overall the overall row's cells, or null when no overall row is served
   * @param regions each region's cells
   * @param forced regions withheld whatever their cells (e.g. because a total they rest on is)
   */
  public static Withheld protect(
      long[] overall, Map<String, long[]> regions, Set<String> forced, SmallCells rule) {
    return protect(overall, regions, forced, false, Set.of(), rule);
  }

  /**
   * Protects one table whose overall row may be withheld whatever its cells ({@code overallForced},
   * e.g. because a count of another route minus it would be small). The regions add up to the
   * overall row, so a withheld overall row takes at least one region with it, the smallest whose
   * cells another route does not give exactly ({@code determined}; the smallest of all when every
   * region's are): with every region served, or the one withheld known elsewhere, their sum would
   * serve the overall row.
   */
  public static Withheld protect(
      long[] overall,
      Map<String, long[]> regions,
      Set<String> forced,
      boolean overallForced,
      Set<String> determined,
      SmallCells rule) {
    requireNonNull(regions, "regions is null");
    requireNonNull(forced, "forced is null");
    requireNonNull(rule, "rule is null");
    Set<String> withheld = new HashSet<>();
    if (!rule.active()) {
      return new Withheld(withheld, false);
    }
    regions.forEach(
        (region, cells) -> {
          if (forced.contains(region) || rule.anySmall(cells)) {
            withheld.add(region);
          }
        });
    if (overall != null && overallForced) {
      if (withheld.stream().allMatch(determined::contains)) {
        Set<String> skip = new HashSet<>(withheld);
        skip.addAll(determined);
        String next = smallest(regions, skip);
        if (next == null) {
          next = smallest(regions, withheld);
        }
        if (next != null) {
          withheld.add(next);
        }
      }
      return new Withheld(withheld, true);
    }
    // a small overall cell leaves each region 0 or small there, so some region is withheld
    boolean overallWithheld = overall != null && rule.anySmall(overall);
    if (overall == null || overallWithheld || withheld.isEmpty()) {
      return new Withheld(withheld, overallWithheld);
    }
    while (rule.anySmall(difference(overall, regions, withheld))) {
      String next = smallest(regions, withheld);
      if (next == null) {
        return new Withheld(withheld, true);
      }
      withheld.add(next);
    }
    return new Withheld(withheld, false);
  }

  /**
   * What to serve of a factor's six cells per row, in the order exposed cases and non-cases,
   * unexposed cases and non-cases, unanswered cases and non-cases.
   *
   * @param withheld the regions whose row is withheld
   * @param merged the regions whose row is served merged: the unanswered counted with the unexposed
   *     ({@link #merge}), so their small split is never served
   * @param overallWithheld whether the overall row is withheld
   * @param overallMerged whether the overall row is served merged
   */
  public record Served(
      Set<String> withheld, Set<String> merged, boolean overallWithheld, boolean overallMerged) {
    public Served {
      withheld = Set.copyOf(withheld);
      merged = Set.copyOf(merged);
    }
  }

  /**
   * The four cells served of a merged row: exposed cases and non-cases, and unexposed cases and
   * non-cases each with the unanswered added.
   */
  public static long[] merge(long[] six) {
    return new long[] {six[0], six[1], six[2] + six[4], six[3] + six[5]};
  }

  /**
   * Protects one factor's table, merging before withholding. A row whose only small cells are its
   * unanswered ones is served merged rather than withheld; a row small even merged is withheld.
   * Then the overall row minus the rows served must give nothing away: merged, the regions withheld
   * together must have no small cell (else more are withheld, smallest first, and when none is left
   * the overall row); split, the regions not served split together must have no small cell (else
   * more are merged, smallest first, and when none is left the overall row is served merged).
   *
   * @param overall the overall row's six cells, or null when no overall row is served
   * @param regions each region's six cells
   * @param forced regions withheld whatever their cells (e.g. because a total they rest on is)
   */
  public static Served protectMerging(
      long[] overall, Map<String, long[]> regions, Set<String> forced, SmallCells rule) {
    requireNonNull(regions, "regions is null");
    requireNonNull(forced, "forced is null");
    requireNonNull(rule, "rule is null");
    Set<String> withheld = new HashSet<>();
    Set<String> merged = new HashSet<>();
    if (!rule.active()) {
      return new Served(withheld, merged, false, false);
    }
    regions.forEach(
        (region, cells) -> {
          if (forced.contains(region) || rule.anySmall(merge(cells))) {
            withheld.add(region);
          } else if (rule.anySmall(cells)) {
            merged.add(region);
          }
        });
    if (overall == null || rule.anySmall(merge(overall))) {
      return new Served(withheld, merged, overall != null, false);
    }
    boolean overallMerged = rule.anySmall(overall);
    while (true) {
      if (!withheld.isEmpty() && rule.anySmall(merge(difference(overall, regions, withheld)))) {
        String next = smallest(regions, withheld);
        if (next == null) {
          return new Served(withheld, merged, true, false);
        }
        withheld.add(next);
        merged.remove(next);
        continue;
      }
      Set<String> unsplit = new HashSet<>(withheld);
      unsplit.addAll(merged);
      if (!overallMerged
          && !unsplit.isEmpty()
          && rule.anySmall(difference(overall, regions, unsplit))) {
        String next = smallest(regions, unsplit);
        if (next == null) {
          overallMerged = true;
        } else {
          merged.add(next);
        }
        continue;
      }
      return new Served(withheld, merged, false, overallMerged);
    }
  }

  /** The region with the fewest people not in {@code taken}, ties by code; null when none. */
  private static String smallest(Map<String, long[]> regions, Set<String> taken) {
    return regions.entrySet().stream()
        .filter(entry -> !taken.contains(entry.getKey()))
        .min(
            Comparator.comparingLong(
                    (Map.Entry<String, long[]> entry) -> Arrays.stream(entry.getValue()).sum())
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** The overall cells minus the cells of every region not withheld. */
  static long[] difference(
      long[] overall, Map<String, long[]> regions, Collection<String> withheld) {
    long[] difference = overall.clone();
    regions.forEach(
        (region, cells) -> {
          if (!withheld.contains(region)) {
            for (int cell = 0; cell < difference.length; cell++) {
              difference[cell] -= cells[cell];
            }
          }
        });
    return difference;
  }
}
