package org.rishe.api.regions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.results.Cube;

/**
 * Whether the run has data for a region: any case recorded in the region itself, from the run's
 * {@code cases} cube. A yes or no derived from people discloses a count: "yes" in a region of few
 * families says 1 to k-1 of them have a case. So the answer follows the region's count of cases as
 * the caller may be served it ({@link SmallCells#regionCases}): true when that count is served and
 * above 0, false when it is served as 0, and unknown (null) when it is withheld, or when the run
 * was published without the cube. The region's own rows only, as the dashboard's region pages show:
 * a zone whose cases are recorded under the regions within it has none of its own.
 */
final class RegionData {
  private final Map<String, Long> casesByRegion;
  private final SmallCells rule;

  private RegionData(Map<String, Long> casesByRegion, SmallCells rule) {
    this.casesByRegion = casesByRegion;
    this.rule = rule;
  }

  /**
   * The regions' cases of a run's cubes, answered under {@code rule}; none without a cases cube.
   */
  static Optional<RegionData> of(List<Cube> cubes, SmallCells rule) {
    for (Cube cube : cubes) {
      int region = cube.dimensions().indexOf("region");
      if (cube.measure().equals("cases") && region >= 0) {
        Map<String, Long> cases = new HashMap<>();
        for (Cube.Cell cell : cube.cells()) {
          cases.merge(cell.values().get(region), cell.count(), Long::sum);
        }
        return Optional.of(new RegionData(cases, rule));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code region} has a case; null when the caller may not know. */
  Boolean hasData(String region) {
    Long served = rule.regionCases(casesByRegion.getOrDefault(region, 0L), region);
    return served == null ? null : served > 0;
  }
}
