package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The units a programme evaluation compares: for each unit whether it was treated (enrolled), its
 * covariate vector measured before treatment, its outcome (a number, or 0/1 for a boolean outcome)
 * and its cluster (the family: siblings share a household, so their outcomes are not independent
 * and every variance is summed by cluster). Immutable: arrays are copied in and out.
 *
 * <p>Covariates are held a column per covariate (one array each, not an object per unit), and the
 * standardised design matrix every fit works on ({@link Standardised#designMatrix}) is built once
 * and shared: a programme with a million units in its comparison group then costs its covariates
 * and one design matrix, not a copy per estimator. A {@link #select selection} (the trimmed sample,
 * a bootstrap draw) copies only its units' treatment, outcome and cluster, and reads covariates and
 * design rows from the sample it was selected from: its design rows are therefore standardised over
 * that sample, not over the selection, which changes no estimate (every fit has an intercept and is
 * invariant to rescaling a covariate) and only has to keep the columns on a sensible scale.
 */
public final class ImpactSample {
  private final List<String> covariateNames;
  private final boolean[] treated;
  private final double[][] columns;
  private final double[] outcomes;
  private final int[] clusters;

  /** For a selection, the sample it reads covariates from and its units' rows there; else null. */
  private final ImpactSample source;

  private final int[] rows;
  private volatile double[][] design;

  /** A sample whose every unit is a cluster of its own (independent units). */
  public ImpactSample(
      List<String> covariateNames, boolean[] treated, double[][] covariates, double[] outcomes) {
    this(covariateNames, treated, covariates, outcomes, ownClusters(treated));
  }

  /**
   * A sample of clustered units: {@code covariates[unit]} is the unit's covariate vector and {@code
   * clusters[unit]} the unit's cluster number (any int; units with equal numbers share a cluster).
   */
  public ImpactSample(
      List<String> covariateNames,
      boolean[] treated,
      double[][] covariates,
      double[] outcomes,
      int[] clusters) {
    this(
        List.copyOf(requireNonNull(covariateNames, "covariateNames is null")),
        transposed(covariateNames.size(), requireNonNull(covariates, "covariates is null")),
        requireNonNull(treated, "treated is null").clone(),
        requireNonNull(outcomes, "outcomes is null").clone(),
        requireNonNull(clusters, "clusters is null").clone());
  }

  /**
   * A sample from covariate columns: {@code columns[covariate][unit]}. The arrays are taken, not
   * copied: the caller must not change them afterwards.
   */
  static ImpactSample ofColumns(
      List<String> covariateNames,
      boolean[] treated,
      double[][] columns,
      double[] outcomes,
      int[] clusters) {
    return new ImpactSample(
        List.copyOf(covariateNames), columns.clone(), treated, outcomes, clusters);
  }

  private ImpactSample(
      List<String> covariateNames,
      double[][] columns,
      boolean[] treated,
      double[] outcomes,
      int[] clusters) {
    int size = treated.length;
    if (outcomes.length != size || clusters.length != size) {
      throw new IllegalArgumentException(
          "treated, covariates, outcomes and clusters must have one entry per unit, got "
              + size
              + ", "
              + (columns.length == 0 ? size : columns[0].length)
              + ", "
              + outcomes.length
              + " and "
              + clusters.length);
    }
    if (columns.length != covariateNames.size()) {
      throw new IllegalArgumentException(
          columns.length + " covariate columns for " + covariateNames.size() + " names");
    }
    for (double[] column : columns) {
      requireNonNull(column, "a covariate column is null");
      if (column.length != size) {
        throw new IllegalArgumentException(
            "treated, covariates, outcomes and clusters must have one entry per unit, got "
                + size
                + ", "
                + column.length
                + ", "
                + outcomes.length
                + " and "
                + clusters.length);
      }
      for (int unit = 0; unit < size; unit++) {
        if (!Double.isFinite(column[unit])) {
          throw new IllegalArgumentException(
              "unit " + unit + " has a missing or infinite covariate: impute or drop it first");
        }
      }
    }
    for (int unit = 0; unit < size; unit++) {
      if (!Double.isFinite(outcomes[unit])) {
        throw new IllegalArgumentException("unit " + unit + " has a missing outcome");
      }
    }
    this.covariateNames = covariateNames;
    this.treated = treated;
    this.columns = columns;
    this.outcomes = outcomes;
    this.clusters = clusters;
    this.source = null;
    this.rows = null;
  }

  /** A selection of {@code source}'s units; {@code rows} are their indices in {@code source}. */
  private ImpactSample(
      ImpactSample source, int[] rows, boolean[] treated, double[] outcomes, int[] clusters) {
    this.covariateNames = source.covariateNames;
    this.columns = source.columns;
    this.treated = treated;
    this.outcomes = outcomes;
    this.clusters = clusters;
    this.source = source;
    this.rows = rows;
  }

  /** Unit-major vectors into covariate columns, checking every unit has one value per name. */
  private static double[][] transposed(int count, double[][] covariates) {
    double[][] columns = new double[count][covariates.length];
    for (int unit = 0; unit < covariates.length; unit++) {
      requireNonNull(covariates[unit], "covariates of unit " + unit + " is null");
      if (covariates[unit].length != count) {
        throw new IllegalArgumentException(
            "unit " + unit + " has " + covariates[unit].length + " covariates, expected " + count);
      }
      for (int covariate = 0; covariate < count; covariate++) {
        columns[covariate][unit] = covariates[unit][covariate];
      }
    }
    return columns;
  }

  public List<String> covariateNames() {
    return covariateNames;
  }

  public int size() {
    return treated.length;
  }

  public int covariateCount() {
    return covariateNames.size();
  }

  public boolean isTreated(int unit) {
    return treated[unit];
  }

  public double covariate(int unit, int covariate) {
    return columns[covariate][rows == null ? unit : rows[unit]];
  }

  public double outcome(int unit) {
    return outcomes[unit];
  }

  /** The unit's cluster number: units with equal numbers share a family. */
  public int cluster(int unit) {
    return clusters[unit];
  }

  public int treatedCount() {
    int count = 0;
    for (boolean value : treated) {
      count += value ? 1 : 0;
    }
    return count;
  }

  public int controlCount() {
    return size() - treatedCount();
  }

  /**
   * The standardised design matrix, built on first use and then shared; callers only read it. Two
   * threads asking at once may each build it, which is harmless.
   */
  double[][] design() {
    double[][] built = design;
    if (built == null) {
      if (source == null) {
        built = Standardised.build(this);
      } else {
        double[][] full = source.design();
        built = new double[rows.length][];
        for (int unit = 0; unit < rows.length; unit++) {
          built[unit] = full[rows[unit]];
        }
      }
      design = built;
    }
    return built;
  }

  /**
   * The units at the given indices, in that order; an index may repeat (bootstrap). The selection
   * reads covariates from this sample (see the class comment).
   */
  public ImpactSample select(int[] units) {
    requireNonNull(units, "units is null");
    boolean[] selectedTreated = new boolean[units.length];
    double[] selectedOutcomes = new double[units.length];
    int[] selectedClusters = new int[units.length];
    int[] selectedRows = new int[units.length];
    for (int i = 0; i < units.length; i++) {
      selectedTreated[i] = treated[units[i]];
      selectedOutcomes[i] = outcomes[units[i]];
      selectedClusters[i] = clusters[units[i]];
      selectedRows[i] = rows == null ? units[i] : rows[units[i]];
    }
    return new ImpactSample(
        source == null ? this : source,
        selectedRows,
        selectedTreated,
        selectedOutcomes,
        selectedClusters);
  }

  private static int[] ownClusters(boolean[] treated) {
    requireNonNull(treated, "treated is null");
    int[] clusters = new int[treated.length];
    for (int unit = 0; unit < clusters.length; unit++) {
      clusters[unit] = unit;
    }
    return clusters;
  }
}
