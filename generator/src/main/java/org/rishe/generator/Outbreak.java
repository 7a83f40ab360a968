package org.rishe.generator;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A planted hotspot: in one region and month, the cases of one problem are multiplied. Hotspot
 * detection is tested against these.
 *
 * @param multiplier expected factor on that month's case count, at least 1
 */
public record Outbreak(String region, String problem, YearMonth month, double multiplier) {
  private static final Pattern REGION = Pattern.compile("R(0[1-9]|10)");
  private static final double DEFAULT_MULTIPLIER = 3.0;

  public Outbreak {
    Objects.requireNonNull(region, "region is null");
    Objects.requireNonNull(problem, "problem is null");
    Objects.requireNonNull(month, "month is null");
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("outbreak region '" + region + "' is not one of R01..R10");
    }
    if (!(multiplier >= 1.0) || multiplier > 100.0) {
      throw new IllegalArgumentException(
          "outbreak multiplier " + multiplier + " must be between 1 and 100");
    }
  }

  /**
   * Parses {@code REGION:PROBLEM:YYYY-MM[:MULTIPLIER]}, for example {@code
   * R03:malnutrition:2024-06:3}.
   */
  public static Outbreak parse(String spec) {
    Objects.requireNonNull(spec, "spec is null");
    String[] parts = spec.split(":", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw new IllegalArgumentException(
          "outbreak '" + spec + "' must look like REGION:PROBLEM:YYYY-MM[:MULTIPLIER]");
    }
    YearMonth month;
    try {
      month = YearMonth.parse(parts[2]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "outbreak month '" + parts[2] + "' is not a YYYY-MM month", e);
    }
    double multiplier = DEFAULT_MULTIPLIER;
    if (parts.length == 4) {
      try {
        multiplier = Double.parseDouble(parts[3]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "outbreak multiplier '" + parts[3] + "' is not a number", e);
      }
    }
    return new Outbreak(parts[0], parts[1], month, multiplier);
  }
}
