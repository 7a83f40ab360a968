package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Which people each adjusted model of one problem is fitted on, decided before any person leaves
 * the executors. A model (factor × region, or factor overall) with at most {@link #MAXIMUM_UNITS}
 * people whose exposure is known keeps them all. A larger one keeps each person with a probability
 * set by the cell of the factor's 2×2 table the person is in (exposed or not × case or not): the
 * budget is shared out over the four cells smallest first, so a small cell (a rare exposure, or few
 * cases) is kept whole and the large ones share what is left (the allocation of {@link
 * #fractions}). The draw of a person is one uniform number per person and problem, derived from the
 * pseudonymous id, so a run is reproducible and every model of the problem reuses it: the people of
 * one problem that any of its models keeps are the union of nested draws, at most the number of
 * models times the budget, never the population.
 *
 * <p>Sampling on the cell (outcome and exposure) changes the odds of being a case among the kept by
 * the known ratio of the fractions, so the fit adds the offset {@code log(f(x,1) / f(x,0))} for a
 * person of exposure {@code x}: the conditional likelihood of the kept people given that they were
 * kept, a proper likelihood of the same coefficients (Prentice &amp; Pyke 1979 for sampling on the
 * outcome, Fears &amp; Brown 1986 and Scott &amp; Wild 1997 for strata of exposure and outcome).
 * Odds ratios and their Wald intervals are those of that likelihood.
 */
final class ModelSampling implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most people any one adjusted model is fitted on. */
  static final int MAXIMUM_UNITS = 50_000;

  private final String problem;
  private final List<String> regions;
  private final List<String> codes;

  /** [region + 1][code][2·exposed + case]: region 0 holds the overall model. */
  private final double[][][] fractions;

  private ModelSampling(
      String problem, List<String> regions, List<String> codes, double[][][] fractions) {
    this.problem = problem;
    this.regions = List.copyOf(regions);
    this.codes = List.copyOf(codes);
    this.fractions = fractions;
  }

  /**
   * The sampling of {@code problem}'s models from its 2×2 counts (region null = overall): a code or
   * region without counts keeps everyone, which is also right for a model that is never fitted.
   */
  static ModelSampling of(
      String problem,
      List<RootCauseStatistics.Counts> counts,
      List<String> regions,
      List<String> codes,
      int maximum) {
    requireNonNull(problem, "problem is null");
    double[][][] fractions = new double[regions.size() + 1][codes.size()][];
    for (double[][] region : fractions) {
      for (int code = 0; code < codes.size(); code++) {
        region[code] = new double[] {1, 1, 1, 1};
      }
    }
    for (RootCauseStatistics.Counts count : counts) {
      int code = codes.indexOf(count.factor());
      int region = count.region() == null ? -1 : regions.indexOf(count.region());
      if (!count.problem().equals(problem) || code < 0 || (count.region() != null && region < 0)) {
        continue;
      }
      long[] cells = {
        count.unexposedTotal() - count.unexposedCases(),
        count.unexposedCases(),
        count.exposedTotal() - count.exposedCases(),
        count.exposedCases()
      };
      fractions[region + 1][code] = fractions(cells, maximum);
    }
    return new ModelSampling(problem, regions, codes, fractions);
  }

  /**
   * The share of each cell kept so that at most {@code maximum} are kept in all: every cell whole
   * when they fit; otherwise, smallest cell first, each keeps at most an equal part of what the
   * cells before it left over.
   */
  static double[] fractions(long[] cells, int maximum) {
    double[] fractions = new double[cells.length];
    Arrays.fill(fractions, 1);
    if (Arrays.stream(cells).sum() <= maximum) {
      return fractions;
    }
    Integer[] order = new Integer[cells.length];
    for (int cell = 0; cell < cells.length; cell++) {
      order[cell] = cell;
    }
    Arrays.sort(order, (a, b) -> Long.compare(cells[a], cells[b]));
    double left = maximum;
    for (int rank = 0; rank < order.length; rank++) {
      int cell = order[rank];
      double share = left / (order.length - rank);
      double kept = Math.min(cells[cell], share);
      fractions[cell] = cells[cell] == 0 ? 1 : kept / cells[cell];
      left -= kept;
    }
    return fractions;
  }

  /** The fraction kept of the cell ({@code exposed}, {@code isCase}); region -1 = overall. */
  double fraction(int region, int code, int exposed, boolean isCase) {
    return fractions[region + 1][code][2 * exposed + (isCase ? 1 : 0)];
  }

  /**
   * The offset of a kept person of exposure {@code exposed} in the model of {@code code}: the log
   * of the ratio of the fractions kept of its cases and of its non-cases.
   */
  double offset(int region, int code, int exposed) {
    return Math.log(fraction(region, code, exposed, true) / fraction(region, code, exposed, false));
  }

  /**
   * Whether any model of the problem keeps a person with this draw: the overall model or the
   * region's, for any code whose status ({@code statuses}, in {@link #codes()} order; -1 missing)
   * is known.
   */
  boolean keepsAny(double draw, int region, byte[] statuses, boolean isCase) {
    for (int code = 0; code < statuses.length; code++) {
      if (statuses[code] < 0) {
        continue;
      }
      if (draw < fraction(-1, code, statuses[code], isCase)
          || (region >= 0 && draw < fraction(region, code, statuses[code], isCase))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The uniform draw in [0, 1) of {@code person} for this problem: a 64-bit mix (SplitMix64's
   * finaliser) of the two names' hashes, the same in every JVM.
   */
  double draw(String person) {
    long mixed = ((long) person.hashCode() << 32) ^ (problem.hashCode() & 0xffffffffL);
    mixed += 0x9e3779b97f4a7c15L;
    mixed = (mixed ^ (mixed >>> 30)) * 0xbf58476d1ce4e5b9L;
    mixed = (mixed ^ (mixed >>> 27)) * 0x94d049bb133111ebL;
    mixed ^= mixed >>> 31;
    return (mixed >>> 11) * 0x1.0p-53;
  }

  String problem() {
    return problem;
  }

  List<String> regions() {
    return regions;
  }

  /** The codes with a model, in the order of {@code statuses}. */
  List<String> codes() {
    return codes;
  }
}
