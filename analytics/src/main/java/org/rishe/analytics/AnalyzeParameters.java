package org.rishe.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of an analyze run, recorded in its manifest.
 *
 * @param minimumAge youngest age in scope for person-level analyses (children by default)
 * @param maximumAge oldest age in scope
 */
public record AnalyzeParameters(int minimumAge, int maximumAge) {
  public AnalyzeParameters {
    if (minimumAge < 0 || maximumAge < minimumAge) {
      throw new IllegalArgumentException(
          "age range must satisfy 0 <= minimum <= maximum, got " + minimumAge + ".." + maximumAge);
    }
  }

  public static AnalyzeParameters defaults() {
    return new AnalyzeParameters(0, 17);
  }

  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("minimumAge", minimumAge);
    map.put("maximumAge", maximumAge);
    return map;
  }
}
