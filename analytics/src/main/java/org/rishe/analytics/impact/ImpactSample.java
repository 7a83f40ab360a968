package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The units a programme evaluation compares: for each unit whether it was treated (enrolled), its
 * covariate vector measured before treatment, its outcome (a number, or 0/1 for a boolean outcome)
 * and its cluster (the family: siblings share a household, so their outcomes are not independent
 * and every variance is summed by cluster). Immutable: arrays are copied in and out.
 */
public final class ImpactSample {
  private final List<String> covariateNames;
  private final boolean[] treated;
  private final double[][] covariates;
  private final double[] outcomes;
  private final int[] clusters;

  /** A sample whose every unit is a cluster of its own (independent units). */
  public ImpactSample(
      List<String> covariateNames, boolean[] treated, double[][] covariates, double[] outcomes) {
    this(covariateNames, treated, covariates, outcomes, ownClusters(treated));
  }

  /**
   * A sample of clustered units: {@code clusters[unit]} is the unit's cluster number (any int;
   * units with equal numbers share a cluster).
   */
  public ImpactSample(
      List<String> covariateNames,
      boolean[] treated,
      double[][] covariates,
      double[] outcomes,
      int[] clusters) {
    this.covariateNames = List.copyOf(requireNonNull(covariateNames, "covariateNames is null"));
    requireNonNull(treated, "treated is null");
    requireNonNull(covariates, "covariates is null");
    requireNonNull(outcomes, "outcomes is null");
    requireNonNull(clusters, "clusters is null");
    if (covariates.length != treated.length
        || outcomes.length != treated.length
        || clusters.length != treated.length) {
      throw new IllegalArgumentException(
          "treated, covariates, outcomes and clusters must have one entry per unit, got "
              + treated.length
              + ", "
              + covariates.length
              + ", "
              + outcomes.length
              + " and "
              + clusters.length);
    }
    this.treated = treated.clone();
    this.clusters = clusters.clone();
    this.outcomes = outcomes.clone();
    this.covariates = new double[covariates.length][];
    for (int unit = 0; unit < covariates.length; unit++) {
      requireNonNull(covariates[unit], "covariates of unit " + unit + " is null");
      if (covariates[unit].length != this.covariateNames.size()) {
        throw new IllegalArgumentException(
            "unit "
                + unit
                + " has "
                + covariates[unit].length
                + " covariates, expected "
                + this.covariateNames.size());
      }
      for (double value : covariates[unit]) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException(
              "unit " + unit + " has a missing or infinite covariate: impute or drop it first");
        }
      }
      if (!Double.isFinite(outcomes[unit])) {
        throw new IllegalArgumentException("unit " + unit + " has a missing outcome");
      }
      this.covariates[unit] = covariates[unit].clone();
    }
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
    return covariates[unit][covariate];
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

  /** The units at the given indices, in that order; an index may repeat (bootstrap). */
  public ImpactSample select(int[] units) {
    requireNonNull(units, "units is null");
    boolean[] selectedTreated = new boolean[units.length];
    double[][] selectedCovariates = new double[units.length][];
    double[] selectedOutcomes = new double[units.length];
    int[] selectedClusters = new int[units.length];
    for (int i = 0; i < units.length; i++) {
      selectedTreated[i] = treated[units[i]];
      selectedCovariates[i] = covariates[units[i]];
      selectedOutcomes[i] = outcomes[units[i]];
      selectedClusters[i] = clusters[units[i]];
    }
    return new ImpactSample(
        covariateNames, selectedTreated, selectedCovariates, selectedOutcomes, selectedClusters);
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
