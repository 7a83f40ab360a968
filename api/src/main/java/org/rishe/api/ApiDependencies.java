package org.rishe.api;

import static java.util.Objects.requireNonNull;

import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.results.ResultsStore;

/**
 * What the API is built from; tests build it over a temporary warehouse.
 *
 * @param smallCellThreshold k: researchers never see a count from 1 to k-1
 */
public record ApiDependencies(ResultsStore results, ApiKeyStore keys, int smallCellThreshold) {
  public static final int DEFAULT_SMALL_CELL_THRESHOLD = 11;

  public ApiDependencies {
    requireNonNull(results, "results is null");
    requireNonNull(keys, "keys is null");
    if (smallCellThreshold < 2) {
      throw new IllegalArgumentException(
          "the small-cell threshold k must be at least 2, got " + smallCellThreshold);
    }
  }
}
