package org.rishe.analytics.hotspots;

import static java.util.Objects.requireNonNull;

import org.rishe.analytics.surveillance.AberrationPoint;

/** One assessed month of one region × problem series, as published in the hotspots table. */
public record Hotspot(String region, String problem, AberrationPoint point) {
  public Hotspot {
    requireNonNull(region, "region is null");
    requireNonNull(problem, "problem is null");
    requireNonNull(point, "point is null");
  }
}
