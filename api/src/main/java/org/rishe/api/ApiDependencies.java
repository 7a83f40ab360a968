package org.rishe.api;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.rishe.api.audit.AuditLog;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.limits.Limits;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.volunteers.InterestLog;

/**
 * What the API is built from; tests build it over a temporary warehouse.
 *
 * @param smallCellThreshold k: researchers never see a count from 1 to k-1
 * @param limits the caps on callers: rates, concurrent expensive requests, answer sizes
 * @param audit where reads of person-derived data are recorded
 * @param interests where volunteers' interests in programmes are recorded
 * @param pledges where donors' pledges to needs are recorded
 */
public record ApiDependencies(
    ResultsStore results,
    ApiKeyStore keys,
    int smallCellThreshold,
    Limits limits,
    AuditLog audit,
    InterestLog interests,
    PledgeLog pledges,
    Clock clock) {
  public static final int DEFAULT_SMALL_CELL_THRESHOLD = 11;
  public static final long MAX_REQUEST_BYTES = 64 * 1024L;

  public ApiDependencies {
    requireNonNull(results, "results is null");
    requireNonNull(keys, "keys is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(audit, "audit is null");
    requireNonNull(interests, "interests is null");
    requireNonNull(pledges, "pledges is null");
    requireNonNull(clock, "clock is null");
    if (smallCellThreshold < 2) {
      throw new IllegalArgumentException(
          "the small-cell threshold k must be at least 2, got " + smallCellThreshold);
    }
  }
}
