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
    boolean overallWithheld = overall != null && rule.anySmall(overall);
    if (overall == null || overallWithheld || withheld.isEmpty()) {
      return new Withheld(withheld, overallWithheld);
    }
    while (rule.anySmall(difference(overall, regions, withheld))) {
      String next =
          regions.entrySet().stream()
              .filter(entry -> !withheld.contains(entry.getKey()))
              .min(
                  Comparator.comparingLong(
                          (Map.Entry<String, long[]> entry) ->
                              Arrays.stream(entry.getValue()).sum())
                      .thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getKey)
              .orElse(null);
      if (next == null) {
        return new Withheld(withheld, true);
      }
      withheld.add(next);
    }
    return new Withheld(withheld, false);
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
