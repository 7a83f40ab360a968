package org.rishe.api.donations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;

/**
 * Whether pledges reach the people they were made for, for leadership: per programme, per region
 * and overall, the pledges made, the share delivered (the donation that fulfils the pledge is
 * delivered: its journey has a delivery day) with its Wilson 95% interval, the median days from
 * pledge to delivery with a distribution-free 95% interval (order statistics of the binomial,
 * exact), and how many of the fulfilling donations' journeys are flagged stalled. A pledge is
 * linked to its donation as {@link Giving} links it for its donor. The interval of the share treats
 * pledges as independent; a donor who pledges many times counts many times. Javalin-free: {@link
 * TrustController} serves it.
 */
public final class TrustFigures {
  /**
   * The smallest number of deliveries given a median; below it the median and interval are null.
   */
  static final int MINIMUM_FOR_MEDIAN = 5;

  private static final double Z = 1.959963984540054;

  private TrustFigures() {}

  /** An estimate with its 95% interval. */
  public record Interval(double estimate, double low, double high) {}

  /**
   * One group: {@code by} is {@code all}, {@code program} or {@code region}, {@code value} the
   * programme or region (null under {@code all}, and for pledges whose need had none).
   */
  public record Row(
      String by,
      String value,
      int pledges,
      int donors,
      int linked,
      int delivered,
      Interval deliveredShare,
      Interval medianDaysToDelivery,
      int stalled) {}

  /** A pledge with what became of it. */
  private record Outcome(Pledge pledge, DashboardRun.JourneyRow journey) {
    boolean delivered() {
      return journey != null && journey.deliveredOn() != null;
    }

    long daysToDelivery() {
      LocalDate pledged = LocalDate.ofInstant(Instant.parse(pledge.pledgedAt()), ZoneOffset.UTC);
      return ChronoUnit.DAYS.between(pledged, LocalDate.parse(journey.deliveredOn()));
    }

    boolean stalled() {
      return journey != null && journey.flags().contains("stalled");
    }
  }

  /** The figures of every pledge in {@code pledges} against the journeys of {@code run}. */
  public static List<Row> of(PublishedRun run, List<Pledge> pledges, Instant now) {
    requireNonNull(run, "run is null");
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, List<Pledge>> byDonor =
        pledges.stream()
            .collect(Collectors.groupingBy(Pledge::donorId, TreeMap::new, Collectors.toList()));
    byDonor.forEach(
        (donor, own) -> {
          Giving giving = new Giving(run, own, donor, now);
          for (Pledge pledge : own) {
            String donationId = giving.donationOf(pledge);
            outcomes.add(
                new Outcome(
                    pledge,
                    donationId == null ? null : run.dashboard().journeys().get(donationId)));
          }
        });
    List<Row> rows = new ArrayList<>();
    rows.add(row("all", null, outcomes));
    rows.addAll(grouped("program", outcomes, o -> o.pledge().programId()));
    rows.addAll(grouped("region", outcomes, o -> o.pledge().region()));
    return rows;
  }

  private static List<Row> grouped(
      String by, List<Outcome> outcomes, Function<Outcome, String> key) {
    Map<String, List<Outcome>> groups =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (Outcome outcome : outcomes) {
      groups.computeIfAbsent(key.apply(outcome), k -> new ArrayList<>()).add(outcome);
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach((value, group) -> rows.add(row(by, value, group)));
    return rows;
  }

  private static Row row(String by, String value, List<Outcome> group) {
    int delivered = (int) group.stream().filter(Outcome::delivered).count();
    long[] days =
        group.stream()
            .filter(Outcome::delivered)
            .mapToLong(Outcome::daysToDelivery)
            .sorted()
            .toArray();
    return new Row(
        by,
        value,
        group.size(),
        (int) group.stream().map(o -> o.pledge().donorId()).distinct().count(),
        (int) group.stream().filter(o -> o.journey() != null).count(),
        delivered,
        group.isEmpty() ? null : wilson(delivered, group.size()),
        median(days),
        (int) group.stream().filter(Outcome::stalled).count());
  }

  /** Wilson's score interval for {@code successes} of {@code trials}. */
  static Interval wilson(int successes, int trials) {
    double p = (double) successes / trials;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
    double half =
        Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
    // at 0 of n (n of n) the bound is exactly 0 (1): centre and half are then equal, though their
    // difference in floating point may be 5.6e-17
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new Interval(p, low, high);
  }

  /**
   * The median of sorted {@code values} with the distribution-free interval [x(l), x(n+1-l)]: l the
   * largest rank with P(Binomial(n, 1/2) &lt; l) &le; 0.025, so it covers the population median
   * with probability at least 95%. Null below {@link #MINIMUM_FOR_MEDIAN} values.
   */
  static Interval median(long[] values) {
    int n = values.length;
    if (n < MINIMUM_FOR_MEDIAN) {
      return null;
    }
    double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    // P(X <= k) for X ~ Binomial(n, 1/2), summed in logs so that large n does not underflow
    double logHalfPower = n * Math.log(0.5);
    double logChoose = 0;
    double cumulative = 0;
    int l = 0;
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        logChoose += Math.log(n - k + 1) - Math.log(k);
      }
      cumulative += Math.exp(logChoose + logHalfPower);
      if (cumulative > 0.025) {
        break;
      }
      l = k + 1;
    }
    if (l < 1) {
      return new Interval(median, values[0], values[n - 1]);
    }
    return new Interval(median, values[l - 1], values[n - l]);
  }
}
