package org.rishe.api.limits;

import static java.util.Objects.requireNonNull;

import org.rishe.api.dashboard.DashboardService;
import org.rishe.api.query.QueryService;

/**
 * Every cap the server puts on its callers, in one place so that {@code rishe serve} and the tests
 * set them the same way (docs/api.md, "Limits", lists each with its default and status code).
 *
 * @param perKey requests each key may make (429 over it)
 * @param refusedKeys requests without a valid key each client address may make (429 over it)
 * @param expensive routes marked expensive answered at once (503 when no turn comes)
 * @param maxQueryCells the most cells, breakdown and margins together, one {@code POST /query}
 *     answer may hold (400 over it)
 * @param maxTrendPeriods the most points one {@code /dashboard/trends} answer may have (400 over
 *     it)
 * @param behindProxy whether a reverse proxy is the only way in: the client address is then the
 *     last of {@code X-Forwarded-For}, which the proxy added; otherwise that header is ignored
 */
public record Limits(
    RateLimit perKey,
    RefusedKeyLimit refusedKeys,
    ExpensiveLimit expensive,
    long maxQueryCells,
    int maxTrendPeriods,
    boolean behindProxy) {
  public static final Limits DEFAULT =
      new Limits(
          RateLimit.DEFAULT,
          RefusedKeyLimit.DEFAULT,
          ExpensiveLimit.DEFAULT,
          QueryService.MAXIMUM_CELLS,
          DashboardService.MAX_PERIODS,
          false);

  public Limits {
    requireNonNull(perKey, "perKey is null");
    requireNonNull(refusedKeys, "refusedKeys is null");
    requireNonNull(expensive, "expensive is null");
    if (maxQueryCells < 1 || maxTrendPeriods < 1) {
      throw new IllegalArgumentException(
          "a query must be allowed at least 1 cell and a trend at least 1 point, got "
              + maxQueryCells
              + " and "
              + maxTrendPeriods);
    }
  }

  public Limits withPerKey(RateLimit limit) {
    return new Limits(limit, refusedKeys, expensive, maxQueryCells, maxTrendPeriods, behindProxy);
  }

  public Limits withRefusedKeys(RefusedKeyLimit limit) {
    return new Limits(perKey, limit, expensive, maxQueryCells, maxTrendPeriods, behindProxy);
  }

  public Limits withExpensive(ExpensiveLimit limit) {
    return new Limits(perKey, refusedKeys, limit, maxQueryCells, maxTrendPeriods, behindProxy);
  }

  public Limits withMaxQueryCells(long cells) {
    return new Limits(perKey, refusedKeys, expensive, cells, maxTrendPeriods, behindProxy);
  }

  public Limits withMaxTrendPeriods(int periods) {
    return new Limits(perKey, refusedKeys, expensive, maxQueryCells, periods, behindProxy);
  }

  public Limits withBehindProxy(boolean proxy) {
    return new Limits(perKey, refusedKeys, expensive, maxQueryCells, maxTrendPeriods, proxy);
  }
}
