package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Row;
import org.rishe.analytics.stats.Estimate;

/**
 * Adjusted odds ratios of one problem for every factor, overall and per region, by logistic
 * regression of the case indicator on the factor, age (linear), sex (female; other or unknown),
 * region (dummies, overall model only) and the factor's potential confounders from the {@link
 * CausalOrder}. The model is fitted on the people whose exposure to the factor is known; a
 * confounder's missing values are coded 0 with a missing-indicator column beside it, so that a few
 * missing answers among many confounders do not discard most people (complete-case analysis would
 * keep only the few answered on everything).
 *
 * <p>A model is not fitted (and its estimate left empty) when any cell of the factor's 2×2 table
 * holds fewer than {@value #MINIMUM_CELL} people, or when cases or non-cases number fewer than
 * {@value #MINIMUM_EVENTS_PER_COLUMN} per design column; nor is one kept that fails to converge.
 * Adjustment indicators set for fewer than {@value #MINIMUM_CELL} cases or non-cases are left out
 * of the design, since they would separate and take the whole fit with them.
 *
 * <p>Size. A model of more than {@link ModelSampling#MAXIMUM_UNITS} people is fitted on those its
 * {@link ModelSampling} keeps, drawn on the executors with a known fraction per cell of the
 * factor's 2×2 table, with the offset that makes the fit the conditional likelihood of the kept
 * people: odds ratios unbiased, Wald intervals honest (wider than the whole data's would be), and
 * the cost of a model and the memory of the driver bounded whatever the population.
 */
public final class AdjustedOddsRatios {
  static final int MINIMUM_CELL = 5;
  static final int MINIMUM_EVENTS_PER_COLUMN = 2;
  private static final double Z_95 =
      new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);

  private AdjustedOddsRatios() {}

  /** Identifies one estimate: region null for the overall model. */
  public record Key(String problem, String factor, String region) {}

  /**
   * Estimates for {@code problem} from the rows of {@link RootCauseTransforms#adjustmentSample}
   * drawn under {@code sampling}, one model per code of {@link ModelSampling#codes()} other than
   * the problem itself, overall and per region.
   */
  public static Map<Key, Estimate> estimate(
      String problem, List<Row> rows, ModelSampling sampling, CausalOrder order) {
    return estimate(problem, Sample.of(rows, sampling.regions()), sampling, order);
  }

  /** As {@link #estimate(String, List, ModelSampling, CausalOrder)} on a sample already read. */
  static Map<Key, Estimate> estimate(
      String problem, Sample sample, ModelSampling sampling, CausalOrder order) {
    requireNonNull(problem, "problem is null");
    return perFactorAndRegion(
        problem,
        sample,
        sampling.codes(),
        factor -> order.confounders(factor, problem, sampling.codes()),
        (focal, confounders, adjustedFor, region) ->
            fit(sample, focal, confounders, region, sampling));
  }

  /** One model of a factor on the problem: {@link #perFactorAndRegion} calls it per fit. */
  @FunctionalInterface
  interface FactorModel<T> {
    /**
     * The model of code {@code focal} in {@code region} (-1 overall), adjusted for {@code
     * confounders} (indices into the codes, named {@code adjustedFor}); empty when not fitted.
     */
    Optional<T> fit(int focal, int[] confounders, List<String> adjustedFor, int region);
  }

  /**
   * {@code model} for every code of {@code codes} other than {@code problem}, adjusted for the
   * codes {@code confoundersOf} gives it, overall and in each region of the sample: the loop the
   * adjusted odds ratios and the total effects share, fitted in parallel on the driver's cores.
   */
  static <T> Map<Key, T> perFactorAndRegion(
      String problem,
      Sample sample,
      List<String> codes,
      java.util.function.Function<String, List<String>> confoundersOf,
      FactorModel<T> model) {
    List<Runnable> fits = new ArrayList<>();
    Map<Key, T> results = new ConcurrentHashMap<>();
    for (int focal = 0; focal < codes.size(); focal++) {
      String factor = codes.get(focal);
      if (factor.equals(problem)) {
        continue;
      }
      List<String> adjustedFor = List.copyOf(confoundersOf.apply(factor));
      int[] confounders = adjustedFor.stream().mapToInt(codes::indexOf).toArray();
      for (int region = -1; region < sample.regions.size(); region++) {
        int focalIndex = focal;
        int regionIndex = region;
        Key key = new Key(problem, factor, region < 0 ? null : sample.regions.get(region));
        fits.add(
            () ->
                model
                    .fit(focalIndex, confounders, adjustedFor, regionIndex)
                    .ifPresent(result -> results.put(key, result)));
      }
    }
    fits.parallelStream().forEach(Runnable::run);
    return new HashMap<>(results);
  }

  static Optional<Estimate> fit(
      Sample sample, int focal, int[] confounders, int region, ModelSampling sampling) {
    return Design.of(sample, focal, confounders, region, sampling)
        .flatMap(Design::fit)
        .map(
            fit -> {
              double beta = fit.coefficients()[1];
              double margin = Z_95 * fit.standardErrors()[1];
              return new Estimate(Math.exp(beta), Math.exp(beta - margin), Math.exp(beta + margin));
            });
  }

  /**
   * One model's people and design: {@code units} index the sample; row r of the sparse design
   * ({@code indices[r]}, {@code values[r]}) is unit {@code units[r]}'s, column 0 the intercept and
   * column 1 the focal factor (0/1); {@code offsets} are the sampling offsets.
   */
  record Design(
      int[] units,
      int[][] indices,
      double[][] values,
      int columns,
      double[] outcome,
      double[] offsets) {
    /**
     * The design of the model of {@code focal} adjusted for {@code confounders} in {@code region}
     * (-1 overall), or empty when the model is not fitted (see the class comment).
     */
    static Optional<Design> of(
        Sample sample, int focal, int[] confounders, int region, ModelSampling sampling) {
      int[] units = new int[16];
      int size = 0;
      for (int unit = 0; unit < sample.size(); unit++) {
        int exposed = sample.status[focal][unit];
        if (exposed >= 0
            && (region < 0 || sample.region[unit] == region)
            && sample.draw[unit] < sampling.fraction(region, focal, exposed, sample.isCase[unit])) {
          if (size == units.length) {
            units = Arrays.copyOf(units, size * 2);
          }
          units[size++] = unit;
        }
      }
      units = Arrays.copyOf(units, size);
      if (units.length == 0 || smallestCell(sample, focal, units) < MINIMUM_CELL) {
        return Optional.empty();
      }
      // Ages are whole years, so this sum is exact: the mean of a compensated (stream) sum.
      double ageSum = 0;
      for (int unit : units) {
        ageSum += sample.age[unit];
      }
      double meanAge = ageSum / units.length;
      List<Column> columns = new ArrayList<>();
      columns.add(new Column(Column.INTERCEPT, 0));
      columns.add(new Column(Column.STATUS, focal));
      columns.add(new Column(Column.AGE, 0));
      columns.add(new Column(Column.SEX, 1));
      columns.add(new Column(Column.SEX, 2));
      if (region < 0) {
        // The first region is the reference level.
        for (int level = 1; level < sample.regions.size(); level++) {
          columns.add(new Column(Column.REGION, level));
        }
      }
      for (int confounder : confounders) {
        columns.add(new Column(Column.PRESENT, confounder));
        columns.add(new Column(Column.MISSING, confounder));
      }
      // Constant columns carry no information and make the model singular; an indicator set for
      // fewer than MINIMUM_CELL cases or non-cases would separate and drive its coefficient (and
      // the fit) off to infinity, so such adjustment columns are left out.
      List<Column> kept = new ArrayList<>(columns.subList(0, 3));
      if (isConstant(sample, meanAge, columns.get(2), units)) {
        kept.remove(2);
      }
      IndicatorTables tables = IndicatorTables.of(sample, confounders, units);
      for (Column candidate : columns.subList(3, columns.size())) {
        if (tables.isInformative(candidate)) {
          kept.add(candidate);
        }
      }
      long cases = tables.cases()[1];
      long nonCases = tables.cases()[0];
      if (Math.min(cases, nonCases) < (long) MINIMUM_EVENTS_PER_COLUMN * kept.size()) {
        return Optional.empty();
      }
      int[][] indices = new int[units.length][];
      double[][] values = new double[units.length][];
      double[] outcome = new double[units.length];
      double[] offsets = new double[units.length];
      int[] rowIndex = new int[kept.size()];
      double[] rowValues = new double[kept.size()];
      Column[] keptColumns = kept.toArray(Column[]::new);
      for (int row = 0; row < units.length; row++) {
        int unit = units[row];
        int nonZero = 0;
        for (int column = 0; column < keptColumns.length; column++) {
          double value = keptColumns[column].of(sample, meanAge, unit);
          if (value != 0) {
            rowIndex[nonZero] = column;
            rowValues[nonZero++] = value;
          }
        }
        indices[row] = Arrays.copyOf(rowIndex, nonZero);
        values[row] = Arrays.copyOf(rowValues, nonZero);
        outcome[row] = sample.isCase[unit] ? 1 : 0;
        offsets[row] = sampling.offset(region, focal, sample.status[focal][unit]);
      }
      return Optional.of(new Design(units, indices, values, kept.size(), outcome, offsets));
    }

    Optional<LogisticFit> fit() {
      double[] weights = new double[outcome.length];
      Arrays.fill(weights, 1);
      return LogisticFit.fit(indices, values, columns, outcome, weights, offsets);
    }
  }

  /** The smallest of the four cells of the focal factor's 2×2 table among {@code units}. */
  private static long smallestCell(Sample sample, int focal, int[] units) {
    long[] cells = new long[4];
    for (int unit : units) {
      cells[sample.status[focal][unit] * 2 + (sample.isCase[unit] ? 1 : 0)]++;
    }
    return Arrays.stream(cells).min().orElse(0);
  }

  /**
   * A design column, read from the sample by its kind (one switch, not a lambda per column: the
   * design of thousands of models a run reads every column of every person sent to it): the
   * intercept, a status (0/1), age minus the model's mean age, sex {@code index}, region {@code
   * index}, or a confounder's status 1 or missing.
   */
  private record Column(int kind, int index) {
    static final int INTERCEPT = 0;
    static final int STATUS = 1;
    static final int AGE = 2;
    static final int SEX = 3;
    static final int REGION = 4;
    static final int PRESENT = 5;
    static final int MISSING = 6;

    double of(Sample sample, double meanAge, int unit) {
      return switch (kind) {
        case INTERCEPT -> 1;
        case STATUS -> sample.status[index][unit];
        case AGE -> sample.age[unit] - meanAge;
        case SEX -> sample.sex[unit] == index ? 1 : 0;
        case REGION -> sample.region[unit] == index ? 1 : 0;
        case PRESENT -> sample.status[index][unit] == 1 ? 1 : 0;
        case MISSING -> sample.status[index][unit] < 0 ? 1 : 0;
        default -> throw new IllegalStateException("column kind " + kind);
      };
    }
  }

  /**
   * The people of one model counted by case (non-case 0, case 1) within each sex, each region and
   * each confounder's status, in one pass over them: every indicator column's 2×2 table of
   * (indicator, case) is read from these counts rather than from a pass of its own.
   */
  private record IndicatorTables(
      long[] cases, long[][] sexes, long[][] regions, int[] confounders, long[][][] statuses) {
    static IndicatorTables of(Sample sample, int[] confounders, int[] units) {
      long[] cases = new long[2];
      long[][] sexes = new long[3][2];
      long[][] regions = new long[sample.regions.size()][2];
      long[][][] statuses = new long[confounders.length][3][2];
      for (int unit : units) {
        int isCase = sample.isCase[unit] ? 1 : 0;
        cases[isCase]++;
        sexes[sample.sex[unit]][isCase]++;
        if (sample.region[unit] >= 0) {
          regions[sample.region[unit]][isCase]++;
        }
        for (int k = 0; k < confounders.length; k++) {
          // Status -1 (missing), 0 or 1, shifted to 0..2.
          statuses[k][sample.status[confounders[k]][unit] + 1][isCase]++;
        }
      }
      return new IndicatorTables(cases, sexes, regions, confounders, statuses);
    }

    /**
     * Whether an indicator column (sex, region, a confounder present or missing) holds at least
     * {@link #MINIMUM_CELL} cases and non-cases both where it is 1 and where it is 0.
     */
    boolean isInformative(Column column) {
      long[] with =
          switch (column.kind()) {
            case Column.SEX -> sexes[column.index()];
            case Column.REGION -> regions[column.index()];
            case Column.PRESENT -> statuses[position(column.index())][2];
            case Column.MISSING -> statuses[position(column.index())][0];
            default -> throw new IllegalArgumentException("not an indicator: " + column);
          };
      for (int isCase = 0; isCase < 2; isCase++) {
        if (with[isCase] < MINIMUM_CELL || cases[isCase] - with[isCase] < MINIMUM_CELL) {
          return false;
        }
      }
      return true;
    }

    private int position(int confounder) {
      for (int k = 0; k < confounders.length; k++) {
        if (confounders[k] == confounder) {
          return k;
        }
      }
      throw new IllegalArgumentException("not a confounder of the model: " + confounder);
    }
  }

  private static boolean isConstant(Sample sample, double meanAge, Column column, int[] units) {
    double first = column.of(sample, meanAge, units[0]);
    for (int unit : units) {
      if (column.of(sample, meanAge, unit) != first) {
        return false;
      }
    }
    return true;
  }

  /**
   * One problem's kept people as arrays: statuses are 1, 0, or -1 for missing, in the order of
   * {@link ModelSampling#codes()}; region -1 when the person has none.
   */
  record Sample(
      List<String> regions,
      int[] region,
      double[] age,
      byte[] sex,
      boolean[] isCase,
      double[] draw,
      byte[][] status,
      int[] family) {
    int size() {
      return region.length;
    }

    /** A sample of {@code size} people and {@code codes} statuses each, every value zero. */
    static Sample allocate(List<String> regions, int size, int codes) {
      return new Sample(
          regions,
          new int[size],
          new double[size],
          new byte[size],
          new boolean[size],
          new double[size],
          new byte[codes][size],
          new int[size]);
    }

    /** The sex code of the models: 0 male, 1 female, 2 other or unknown. */
    static byte sexCode(String sex) {
      return (byte) ("female".equals(sex) ? 1 : "male".equals(sex) ? 0 : 2);
    }

    static Sample of(List<Row> rows, List<String> regions) {
      int size = rows.size();
      int codes =
          rows.isEmpty() ? 0 : rows.get(0).<byte[]>getAs(RootCauseTransforms.STATUSES).length;
      Sample sample = allocate(regions, size, codes);
      Map<String, Integer> families = new HashMap<>();
      for (int unit = 0; unit < size; unit++) {
        Row row = rows.get(unit);
        String regionName = row.getAs(ExposureTransforms.REGION);
        sample.region[unit] = regionName == null ? -1 : regions.indexOf(regionName);
        sample.age[unit] = row.<Integer>getAs(ExposureTransforms.AGE);
        sample.sex[unit] = sexCode(row.getAs(ExposureTransforms.SEX));
        sample.isCase[unit] = row.<Boolean>getAs(RootCauseTransforms.IS_CASE);
        sample.draw[unit] = row.<Double>getAs(RootCauseTransforms.DRAW);
        String familyId = row.getAs(ExposureTransforms.FAMILY);
        // a person without a family is a cluster of their own, numbered past every family
        sample.family[unit] =
            familyId == null
                ? size + unit
                : families.computeIfAbsent(familyId, key -> families.size());
        byte[] statuses = row.getAs(RootCauseTransforms.STATUSES);
        for (int code = 0; code < codes; code++) {
          sample.status[code][unit] = statuses[code];
        }
      }
      return sample;
    }
  }
}
