package org.rishe.analytics.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.rishe.analytics.stats.Estimate;

/**
 * Benchmark, not a unit test (it has a {@code main} and no {@code @Test}, so {@code mvn verify}
 * does not run it): the coverage of the closed-form 95% intervals of {@link ImpactEstimator},
 * checked by simulation. It draws R datasets of F families with a known effect on the treated,
 * estimates every method with the default options (closed-form variance clustered by family) and
 * counts how often each interval covers the truth; the same units given one cluster each (the
 * four-argument {@link ImpactSample} constructor) show what ignoring the families would cost.
 * Arguments: [datasets R (default 500)] [families F (default 800)] [seed (default 20261201)]
 * [family effect SD (default 1)] [family share of the enrolment latent (default 0.5)]; the last two
 * exist for diagnosis (0 0 makes siblings independent). {@code bench/impact/coverage.sh} runs it;
 * the recorded results are in {@code bench/impact/README.md}.
 *
 * <p>Data-generating process, one dataset:
 *
 * <ul>
 *   <li>Families of 1-4 children (uniform). Family covariates, shared by siblings: low income
 *       (Bernoulli 0.4) and the caregiver's schooling in years, N(11, 3²), written s on the
 *       standard scale. Child covariates: age, uniform on 6..15, and girl (Bernoulli 0.5).
 *   <li>Enrolment: e = logistic(-1.6 + 1.2 low income - 0.4 s - 0.1 (age - 10.5)) is the true
 *       propensity given the covariates; the child enrols when L &lt; Φ⁻¹(e), L = √0.5 Z_family +
 *       √0.5 Z_child with Z standard normal. Z_family is a family enrolment tendency (the parents
 *       heard of the programme, live near a centre), so siblings tend to enrol together, with half
 *       the latent variance shared; L is standard normal, so P(enrol | covariates) is exactly e and
 *       the logistic propensity model on the four covariates is correctly specified.
 *   <li>Untreated outcome: 10 - 1.5 low income + 0.8 s + 0.3 (age - 10.5) + 0.3 girl + u + ε, with
 *       a family effect u ~ N(0, 1) shared by siblings and ε ~ N(0, 1) per child. Low income,
 *       schooling and age drive both enrolment and the outcome (confounding: the naive difference
 *       is biased downwards).
 *   <li>Effect on the treated: constant 2; and, on the same units, heterogeneous τ = 2 + low income
 *       - 0.15 (age - 10.5) + 0.5 u, which varies with covariates (so the estimand weights them by
 *       the treated's distribution) and with the family effect (so treated siblings share part of
 *       their effect).
 * </ul>
 *
 * <p>Why two family effects and not one: a single family effect entering both enrolment and the
 * outcome would be an unmeasured confounder (the treated would have higher u than comparable
 * controls), every method would be biased and coverage would measure that bias, not the interval.
 * Here u (outcome) and Z_family (enrolment) are independent, so enrolment is ignorable given the
 * covariates, and both matter for the variance: siblings' outcomes are correlated through u, and
 * their enrolments through Z_family, which makes their influence values correlated (with
 * conditionally independent enrolment, u's contributions to the influence values of siblings would
 * be uncorrelated given the covariates and clustering would not matter for a constant effect).
 *
 * <p>Truth: the constant effect 2; for the heterogeneous effect, the population ATT E[τ | D = 1] =
 * E[τ(X) e(X)] / E[e(X)] (u is independent of X and D, so it drops out), computed by summing over
 * low income and age and integrating over schooling numerically ({@link #populationAtt}). The
 * closed-form variances estimate the variance around the population ATT (their influence values
 * include the spread of the effect among the treated), so that is the truth the coverage is counted
 * against; coverage of each draw's sample ATT (the mean of τ over its treated) is printed alongside
 * and should be higher. Every treated unit is kept by the trimming (it drops controls only), so
 * trimming does not change the estimand; matching's caliper can drop treated units, which for the
 * heterogeneous effect shifts matching's estimand a little (counted in the summary).
 *
 * <p>Output: one Markdown table per effect, a row per method with the mean estimate, its bias, the
 * SD of the estimates across datasets against the mean closed-form standard error (half-width over
 * the t quantile), the mean width and the coverage, by family and with one cluster each. Rows in
 * italics are diagnostics of the matching interval, not methods of the estimator ({@link
 * #diagnostics}): they separate what Abadie &amp; Imbens's variance misses by matching on a fitted
 * propensity from what it misses in the way it sums by family.
 *
 * <p>Reproducible: dataset r draws from its own {@link SplittableRandom} seeded by the r-th value
 * of a stream from the master seed, so the result does not depend on the threads (datasets run in a
 * parallel stream), and the first R' datasets of a run with R &gt; R' are those of the run with R'.
 */
public final class CoverageSimulation {
  private CoverageSimulation() {}

  static final String[] METHODS = {
    "naive", "IPW", "matching", "doubly robust", "stratification", "entropy balancing"
  };
  static final List<Function<ImpactResult, Estimate>> ESTIMATES =
      List.of(
          ImpactResult::naiveDifference,
          ImpactResult::inverseProbabilityWeighting,
          ImpactResult::matching,
          ImpactResult::doublyRobust,
          ImpactResult::stratification,
          ImpactResult::entropyBalancing);

  static final double CONSTANT_EFFECT = 2;
  static final double LOW_INCOME_SHARE = 0.4;
  static final double FAMILY_EFFECT_SD = 1;
  static final double FAMILY_ENROLMENT_SHARE = 0.5;

  /**
   * How much siblings share: the SD of the family effect u in the outcome and the family's share of
   * the latent enrolment variance (1 and 0.5; 0 and 0 make the children independent).
   */
  record Families(double effectSd, double enrolmentShare) {}

  static final List<String> COVARIATES =
      List.of("low_income", "caregiver_schooling", "age", "girl");

  public static void main(String[] arguments) {
    int datasets = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 500;
    int families = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 800;
    long seed = arguments.length > 2 ? Long.parseLong(arguments[2]) : 20261201L;
    Families sharing =
        new Families(
            arguments.length > 3 ? Double.parseDouble(arguments[3]) : FAMILY_EFFECT_SD,
            arguments.length > 4 ? Double.parseDouble(arguments[4]) : FAMILY_ENROLMENT_SHARE);
    long started = System.nanoTime();
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[datasets];
    for (int r = 0; r < datasets; r++) {
      seeds[r] = master.nextLong();
    }
    double populationAtt = populationAtt();
    Dataset[] results =
        IntStream.range(0, datasets)
            .parallel()
            .mapToObj(r -> run(draw(families, sharing, new SplittableRandom(seeds[r]))))
            .toArray(Dataset[]::new);
    double seconds = (System.nanoTime() - started) / 1e9;
    print(results, datasets, families, seed, sharing, populationAtt, seconds);
  }

  /** One drawn dataset: covariates, enrolment, both outcomes and the sample ATT. */
  record Draw(
      boolean[] treated,
      double[][] covariates,
      double[] constantOutcomes,
      double[] heterogeneousOutcomes,
      int[] families,
      double sampleAtt) {}

  /**
   * The estimates of one outcome of a dataset: with the units clustered by family and with one
   * cluster each, and the matching diagnostics ({@link #diagnostics}), {@code diagnostics[0]} by
   * family and {@code diagnostics[1]} with one cluster each.
   */
  record Scenario(ImpactResult families, ImpactResult ownClusters, Estimate[][] diagnostics) {}

  /** The diagnostic matching rows ({@link #diagnostics}), in order. */
  static final String[] DIAGNOSTICS = {
    "*matching on the true propensity*",
    "*matching, siblings' shared controls counted once*",
    "*matching on the true propensity, linearised variance*",
    "*matching, linearised variance*"
  };

  /** How a diagnostic computes the matching variance. */
  enum MatchingVariance {
    /** {@link PropensityMatching#variance}, as the estimator has it. */
    ABADIE_IMBENS,
    /** The same less {@link #sharedControlsCountedTwice}. */
    SHARED_CONTROLS_ONCE,
    /** {@link #linearisedVariance}: every unit's term, summed by family. */
    LINEARISED
  }

  /** Controls averaged for the local control mean of {@link #linearisedVariance}. */
  static final int LOCAL_MEAN_CONTROLS = 20;

  /** The estimates of one dataset, both effects, and the draw's summary. */
  record Dataset(
      Scenario constant,
      Scenario heterogeneous,
      double sampleAtt,
      int units,
      int familiesWithSiblings,
      int mixedFamilies) {}

  static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The true propensity given the covariates (see the class comment). */
  static double propensity(boolean lowIncome, double schooling, int age) {
    return logistic(-1.6 + 1.2 * (lowIncome ? 1 : 0) - 0.4 * schooling - 0.1 * (age - 10.5));
  }

  static double heterogeneousEffect(boolean lowIncome, int age, double familyEffect) {
    return 2 + (lowIncome ? 1 : 0) - 0.15 * (age - 10.5) + 0.5 * familyEffect;
  }

  static Draw draw(int familyCount, Families sharing, SplittableRandom random) {
    List<boolean[]> treated = new ArrayList<>();
    List<double[]> covariates = new ArrayList<>();
    List<double[]> outcomes = new ArrayList<>();
    List<Integer> familyOf = new ArrayList<>();
    double attSum = 0;
    int treatedCount = 0;
    for (int family = 0; family < familyCount; family++) {
      int children = 1 + random.nextInt(4);
      boolean lowIncome = random.nextDouble() < LOW_INCOME_SHARE;
      double schooling = random.nextGaussian();
      double familyEffect = sharing.effectSd() * random.nextGaussian();
      double enrolmentTendency = random.nextGaussian();
      for (int child = 0; child < children; child++) {
        int age = 6 + random.nextInt(10);
        boolean girl = random.nextBoolean();
        double latent =
            Math.sqrt(sharing.enrolmentShare()) * enrolmentTendency
                + Math.sqrt(1 - sharing.enrolmentShare()) * random.nextGaussian();
        // L standard normal, so P(Φ(L) < e) = e exactly
        boolean enrolled =
            0.5 * Erf.erfc(-latent / Math.sqrt(2)) < propensity(lowIncome, schooling, age);
        double untreated =
            10
                - 1.5 * (lowIncome ? 1 : 0)
                + 0.8 * schooling
                + 0.3 * (age - 10.5)
                + 0.3 * (girl ? 1 : 0)
                + familyEffect
                + random.nextGaussian();
        double effect = heterogeneousEffect(lowIncome, age, familyEffect);
        treated.add(new boolean[] {enrolled});
        covariates.add(new double[] {lowIncome ? 1 : 0, 11 + 3 * schooling, age, girl ? 1 : 0});
        outcomes.add(
            new double[] {
              untreated + (enrolled ? CONSTANT_EFFECT : 0), untreated + (enrolled ? effect : 0)
            });
        familyOf.add(family);
        if (enrolled) {
          attSum += effect;
          treatedCount++;
        }
      }
    }
    int n = treated.size();
    boolean[] treatedArray = new boolean[n];
    double[] constant = new double[n];
    double[] heterogeneous = new double[n];
    int[] families = new int[n];
    for (int unit = 0; unit < n; unit++) {
      treatedArray[unit] = treated.get(unit)[0];
      constant[unit] = outcomes.get(unit)[0];
      heterogeneous[unit] = outcomes.get(unit)[1];
      families[unit] = familyOf.get(unit);
    }
    return new Draw(
        treatedArray,
        covariates.toArray(double[][]::new),
        constant,
        heterogeneous,
        families,
        attSum / treatedCount);
  }

  static Dataset run(Draw draw) {
    PropensityModel model = new NewtonLogisticPropensityModel();
    ImpactEstimator estimator =
        new ImpactEstimator(model, model, ImpactOptions.defaults(1)); // closed form by default
    int families = draw.families()[draw.families().length - 1] + 1;
    int[] size = new int[families];
    int[] enrolled = new int[families];
    for (int unit = 0; unit < draw.treated().length; unit++) {
      size[draw.families()[unit]]++;
      enrolled[draw.families()[unit]] += draw.treated()[unit] ? 1 : 0;
    }
    int withSiblings = 0;
    int mixed = 0;
    for (int family = 0; family < families; family++) {
      if (size[family] > 1) {
        withSiblings++;
        mixed += enrolled[family] > 0 && enrolled[family] < size[family] ? 1 : 0;
      }
    }
    return new Dataset(
        scenario(estimator, draw, draw.constantOutcomes()),
        scenario(estimator, draw, draw.heterogeneousOutcomes()),
        draw.sampleAtt(),
        draw.treated().length,
        withSiblings,
        mixed);
  }

  private static Scenario scenario(ImpactEstimator estimator, Draw draw, double[] outcomes) {
    ImpactSample families = sample(draw, outcomes, true);
    ImpactSample ownClusters = sample(draw, outcomes, false);
    return new Scenario(
        estimator.estimate(families),
        estimator.estimate(ownClusters),
        new Estimate[][] {diagnostics(families), diagnostics(ownClusters)});
  }

  /**
   * Diagnostics of the matching interval ({@link #DIAGNOSTICS}), each with the estimator's
   * trimming, caliper and neighbours: (1) Abadie &amp; Imbens's (2006) interval as the estimator
   * computes it, but matching on the true propensity instead of the fitted one: their variance is
   * derived for a known propensity, so if it is right here and too wide on the fitted propensity,
   * the excess is the missing correction for an estimated propensity (Abadie &amp; Imbens 2016);
   * (2) on the fitted propensity, with the multiple-use term counting only pairs of treated units
   * from different families ({@link #sharedControlsCountedOnce}); (3) both.
   */
  static Estimate[] diagnostics(ImpactSample sample) {
    double[] truePropensities = new double[sample.size()];
    for (int unit = 0; unit < truePropensities.length; unit++) {
      truePropensities[unit] =
          propensity(
              sample.covariate(unit, 0) == 1,
              (sample.covariate(unit, 1) - 11) / 3,
              (int) sample.covariate(unit, 2));
    }
    double[] fitted = new NewtonLogisticPropensityModel().propensities(sample);
    return new Estimate[] {
      matching(sample, truePropensities, MatchingVariance.ABADIE_IMBENS),
      matching(sample, fitted, MatchingVariance.SHARED_CONTROLS_ONCE),
      matching(sample, truePropensities, MatchingVariance.LINEARISED),
      matching(sample, fitted, MatchingVariance.LINEARISED)
    };
  }

  private static Estimate matching(
      ImpactSample sample, double[] propensities, MatchingVariance how) {
    AttEstimators.Trimmed trimmed = AttEstimators.trimToTreatedRange(sample, propensities);
    PropensityMatching.Result matching =
        PropensityMatching.estimate(
            trimmed.sample(),
            trimmed.propensities(),
            ImpactOptions.DEFAULT_CALIPER,
            ImpactOptions.DEFAULT_NEIGHBOURS);
    ClusteredVariance clusters = new ClusteredVariance(trimmed.sample());
    double matched = matching.matchedTreated();
    double variance =
        switch (how) {
          case ABADIE_IMBENS -> PropensityMatching.variance(trimmed.sample(), matching, clusters);
          case SHARED_CONTROLS_ONCE ->
              PropensityMatching.variance(trimmed.sample(), matching, clusters)
                  - sharedControlsCountedTwice(trimmed.sample(), trimmed.propensities(), matching)
                      / (matched * matched);
          case LINEARISED ->
              linearisedVariance(trimmed.sample(), trimmed.propensities(), matching, clusters);
        };
    return clusters.interval(matching.estimate(), variance);
  }

  /**
   * What {@link PropensityMatching#variance} counts twice when treated siblings share a matched
   * control j: the family sum of the treated terms Y_i - Ŷ0_i - τ already holds the products a_ij
   * a_kj σ²_j of siblings i and k that both match j (a the shares), and the multiple-use term (K_j²
   * - Q_j) σ²_j = Σ_{i≠k} a_ij a_kj σ²_j adds them again. Returns Σ_j [Σ_g (Σ_{i in g} a_ij)² -
   * Q_j] σ̂²_j, the within-family part, with σ̂²_j as the estimator has it; subtracted (divided by
   * N1²), the multiple-use term counts only pairs from different families. The matches are found
   * again here exactly as {@link PropensityMatching#estimate} finds them (nearest control on the
   * logit, ties averaged, within the caliper).
   */
  static double sharedControlsCountedTwice(
      ImpactSample sample, double[] propensities, PropensityMatching.Result matching) {
    double[] logits = new double[sample.size()];
    for (int unit = 0; unit < logits.length; unit++) {
      logits[unit] = AttEstimators.logit(propensities[unit]);
    }
    double width = ImpactOptions.DEFAULT_CALIPER * AttEstimators.standardDeviation(logits);
    int[] controls = matching.sortedControls();
    double[] controlLogits = matching.sortedLogits();
    // per sorted control, the share each treated family puts on it
    List<java.util.Map<Integer, Double>> familyShares = new ArrayList<>();
    for (int i = 0; i < controls.length; i++) {
      familyShares.add(new java.util.HashMap<>());
    }
    for (int unit = 0; unit < sample.size(); unit++) {
      if (!sample.isTreated(unit)) {
        continue;
      }
      double target = logits[unit];
      int above = firstAbove(controlLogits, Math.nextDown(target));
      double below = above > 0 ? target - controlLogits[above - 1] : Double.MAX_VALUE;
      double up = above < controls.length ? controlLogits[above] - target : Double.MAX_VALUE;
      double distance = Math.min(below, up);
      if (distance == Double.MAX_VALUE || distance > width) {
        continue;
      }
      // every control at the nearest distance, on either side
      int from =
          below == distance
              ? firstAbove(controlLogits, Math.nextDown(controlLogits[above - 1]))
              : above;
      int to = up == distance ? firstAbove(controlLogits, controlLogits[above]) : above;
      double share = 1.0 / (to - from);
      for (int position = from; position < to; position++) {
        familyShares.get(position).merge(sample.cluster(unit), share, Double::sum);
      }
    }
    int neighbours = Math.min(PropensityMatching.VARIANCE_NEIGHBOURS, controls.length - 1);
    double total = 0;
    for (int position = 0; position < controls.length && neighbours > 0; position++) {
      int control = controls[position];
      double withinFamilies = -matching.useSquares()[control];
      for (double familyShare : familyShares.get(position).values()) {
        withinFamilies += familyShare * familyShare;
      }
      if (withinFamilies <= 1e-12) {
        continue;
      }
      int low = position - 1;
      int high = position + 1;
      double neighbourSum = 0;
      for (int taken = 0; taken < neighbours; taken++) {
        boolean takeLow =
            high >= controls.length
                || (low >= 0
                    && controlLogits[position] - controlLogits[low]
                        <= controlLogits[high] - controlLogits[position]);
        neighbourSum += sample.outcome(controls[takeLow ? low-- : high++]);
      }
      double deviation = sample.outcome(control) - neighbourSum / neighbours;
      total += withinFamilies * deviation * deviation * neighbours / (neighbours + 1.0);
    }
    return total;
  }

  /**
   * The matching estimate as a weighted sum of outcomes, τ̂ = (1/N1) Σ_i c_i Y_i with c_i = 1 for a
   * matched treated unit and -K_j for a control (K_j its use), so τ̂ - τ ≈ (1/N1) Σ_i ψ_i with ψ_i
   * = Y_i - m0(e_i) - τ̂ for the treated and -K_j (Y_j - m0(e_j)) for the controls, m0(e) the
   * control mean at that propensity. Summing ψ by family, as {@link AttInfluence} does for the
   * other estimators, counts every sibling covariance: treated with treated (the family effect and
   * a shared effect), but also a treated child with a matched control sibling (the family effect
   * enters with opposite signs) and control siblings that are both used, which the family sum of
   * the treated terms in {@link PropensityMatching#variance} leaves out. m0 is estimated by the
   * mean of the {@value #LOCAL_MEAN_CONTROLS} nearest controls on the logit (another control's own
   * outcome left out), and a control's residual is scaled by √(J/(J+1)) for the noise of that mean.
   * Variance: G/(G-1) Σ_g (Σ_{i in g} ψ_i)² / N1².
   */
  static double linearisedVariance(
      ImpactSample sample,
      double[] propensities,
      PropensityMatching.Result matching,
      ClusteredVariance clusters) {
    int[] controls = matching.sortedControls();
    double[] controlLogits = matching.sortedLogits();
    int neighbours = Math.min(LOCAL_MEAN_CONTROLS, controls.length - 1);
    double[] terms = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      if (sample.isTreated(unit) && !Double.isNaN(matching.imputed()[unit])) {
        double target = AttEstimators.logit(propensities[unit]);
        int position = firstAbove(controlLogits, Math.nextDown(target));
        terms[unit] =
            sample.outcome(unit)
                - localMean(sample, controls, controlLogits, target, position, -1, neighbours)
                - matching.estimate();
      }
    }
    for (int position = 0; position < controls.length; position++) {
      int control = controls[position];
      double use = matching.use()[control];
      if (use > 0) {
        double mean =
            localMean(
                sample,
                controls,
                controlLogits,
                controlLogits[position],
                position,
                position,
                neighbours);
        terms[control] =
            -use * (sample.outcome(control) - mean) * Math.sqrt(neighbours / (neighbours + 1.0));
      }
    }
    double matched = matching.matchedTreated();
    return clusters.sumOfSquares(terms) / (matched * matched);
  }

  /**
   * The mean outcome of the {@code count} controls nearest {@code target} on the logit, searching
   * outward from sorted position {@code start} (the first at or above the target) and skipping
   * {@code skip} (-1 for none).
   */
  private static double localMean(
      ImpactSample sample,
      int[] controls,
      double[] controlLogits,
      double target,
      int start,
      int skip,
      int count) {
    int low = start - 1;
    int high = start;
    double sum = 0;
    for (int taken = 0; taken < count; ) {
      boolean takeLow =
          high >= controls.length
              || (low >= 0 && target - controlLogits[low] <= controlLogits[high] - target);
      int position = takeLow ? low-- : high++;
      if (position != skip) {
        sum += sample.outcome(controls[position]);
        taken++;
      }
    }
    return sum / count;
  }

  /** The first index whose value is above {@code value} ({@code sorted.length} if none). */
  private static int firstAbove(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static ImpactSample sample(Draw draw, double[] outcomes, boolean clustered) {
    return clustered
        ? new ImpactSample(COVARIATES, draw.treated(), draw.covariates(), outcomes, draw.families())
        : new ImpactSample(COVARIATES, draw.treated(), draw.covariates(), outcomes);
  }

  /**
   * E[τ e] / E[e] over the children's covariates: low income and age summed exactly, schooling (a
   * standard normal on its own scale) integrated by Simpson's rule on [-10, 10] with 20,000
   * intervals.
   */
  static double populationAtt() {
    int intervals = 20_000;
    double step = 20.0 / intervals;
    double numerator = 0;
    double denominator = 0;
    for (int income = 0; income < 2; income++) {
      boolean lowIncome = income == 1;
      double incomeProbability = lowIncome ? LOW_INCOME_SHARE : 1 - LOW_INCOME_SHARE;
      for (int age = 6; age <= 15; age++) {
        for (int i = 0; i <= intervals; i++) {
          double s = -10 + i * step;
          double simpson = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
          double density = Math.exp(-s * s / 2) / Math.sqrt(2 * Math.PI);
          double weight =
              incomeProbability
                  * 0.1
                  * density
                  * simpson
                  * step
                  / 3
                  * propensity(lowIncome, s, age);
          numerator += weight * heterogeneousEffect(lowIncome, age, 0);
          denominator += weight;
        }
      }
    }
    return numerator / denominator;
  }

  private static void print(
      Dataset[] results,
      int datasets,
      int families,
      long seed,
      Families sharing,
      double populationAtt,
      double seconds) {
    double units = 0;
    double treated = 0;
    double trimmed = 0;
    double unmatched = 0;
    double strata = 0;
    double withSiblings = 0;
    double mixed = 0;
    double sampleAttSum = 0;
    double sampleAttSquares = 0;
    for (Dataset result : results) {
      units += result.units();
      ImpactResult fitted = result.constant().families();
      treated += fitted.treated();
      trimmed += fitted.trimmedControls();
      unmatched += fitted.unmatchedTreated();
      strata += fitted.strata();
      withSiblings += result.familiesWithSiblings();
      mixed += result.mixedFamilies();
      sampleAttSum += result.sampleAtt();
      sampleAttSquares += result.sampleAtt() * result.sampleAtt();
    }
    double sampleAttMean = sampleAttSum / datasets;
    System.out.printf(
        Locale.ROOT,
        "%d datasets of %d families (seed %d; family effect SD %s, family share of enrolment %s):"
            + " mean %.0f children, %.1f%% treated, %.1f trimmed"
            + " controls, %.2f unmatched treated, %.1f strata; %.0f%% of families with siblings"
            + " have both enrolled and not enrolled children%n",
        datasets,
        families,
        seed,
        sharing.effectSd(),
        sharing.enrolmentShare(),
        units / datasets,
        100 * treated / units,
        trimmed / datasets,
        unmatched / datasets,
        strata / datasets,
        100 * mixed / withSiblings);
    System.out.printf(
        Locale.ROOT,
        "heterogeneous effect: population ATT %.4f; sample ATT mean %.4f, SD %.4f across draws%n",
        populationAtt,
        sampleAttMean,
        Math.sqrt(
            Math.max(0, sampleAttSquares / datasets - sampleAttMean * sampleAttMean)
                * datasets
                / (datasets - 1.0)));
    System.out.printf(
        Locale.ROOT,
        "binomial 95%% range of the coverage count at a true 95%%: %.1f%%-%.1f%%%n%n",
        100 * (0.95 - 1.96 * Math.sqrt(0.95 * 0.05 / datasets)),
        100 * (0.95 + 1.96 * Math.sqrt(0.95 * 0.05 / datasets)));
    table(
        "Constant effect " + CONSTANT_EFFECT,
        results,
        Dataset::constant,
        r -> CONSTANT_EFFECT,
        null);
    table(
        String.format(Locale.ROOT, "Heterogeneous effect, population ATT %.3f", populationAtt),
        results,
        Dataset::heterogeneous,
        r -> populationAtt,
        Dataset::sampleAtt);
    System.out.printf(Locale.ROOT, "wall time %.1f s%n", seconds);
  }

  /**
   * One Markdown table: per method the mean estimate, its SD across datasets, the mean closed-form
   * standard error (half-width / t quantile) clustered by family and with one cluster per child,
   * the mean width, and the coverage of each; last, the matching diagnostics ({@link
   * #diagnostics}).
   */
  private static void table(
      String title,
      Dataset[] results,
      Function<Dataset, Scenario> scenarioOf,
      Function<Dataset, Double> truthOf,
      Function<Dataset, Double> sampleTruthOf) {
    System.out.println("### " + title);
    System.out.println();
    System.out.println(
        "| method | mean estimate | bias | SD of estimates | mean SE, families | SE / SD |"
            + " mean width | coverage, families | mean SE, one cluster each |"
            + " coverage, one cluster each |"
            + (sampleTruthOf == null ? "" : " coverage of the sample ATT, families |"));
    System.out.println(
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
            + (sampleTruthOf == null ? "" : " --- |"));
    for (int method = 0; method < METHODS.length; method++) {
      Function<ImpactResult, Estimate> pick = ESTIMATES.get(method);
      row(
          METHODS[method],
          results,
          scenarioOf,
          scenario -> pick.apply(scenario.families()),
          scenario -> pick.apply(scenario.ownClusters()),
          truthOf,
          sampleTruthOf);
    }
    for (int diagnostic = 0; diagnostic < DIAGNOSTICS.length; diagnostic++) {
      int index = diagnostic;
      row(
          DIAGNOSTICS[diagnostic],
          results,
          scenarioOf,
          scenario -> scenario.diagnostics()[0][index],
          scenario -> scenario.diagnostics()[1][index],
          truthOf,
          sampleTruthOf);
    }
    System.out.println();
  }

  private static void row(
      String name,
      Dataset[] results,
      Function<Dataset, Scenario> scenarioOf,
      Function<Scenario, Estimate> families,
      Function<Scenario, Estimate> ownClusters,
      Function<Dataset, Double> truthOf,
      Function<Dataset, Double> sampleTruthOf) {
    int r = results.length;
    double sum = 0;
    double squares = 0;
    double seSum = 0;
    double widthSum = 0;
    double ownSeSum = 0;
    int valid = 0;
    int covered = 0;
    int coveredOwn = 0;
    int coveredSample = 0;
    double truthSum = 0;
    for (Dataset result : results) {
      Scenario scenario = scenarioOf.apply(result);
      Estimate estimate = families.apply(scenario);
      Estimate own = ownClusters.apply(scenario);
      double truth = truthOf.apply(result);
      truthSum += truth;
      covered += estimate.covers(truth) ? 1 : 0;
      coveredOwn += own.covers(truth) ? 1 : 0;
      if (sampleTruthOf != null) {
        coveredSample += estimate.covers(sampleTruthOf.apply(result)) ? 1 : 0;
      }
      if (Double.isNaN(estimate.low()) || Double.isNaN(own.low())) {
        continue;
      }
      valid++;
      sum += estimate.estimate();
      squares += estimate.estimate() * estimate.estimate();
      double width = estimate.high() - estimate.low();
      widthSum += width;
      seSum += width / 2 / quantile(scenario.families().clusters());
      ownSeSum += (own.high() - own.low()) / 2 / quantile(scenario.ownClusters().clusters());
    }
    double mean = sum / valid;
    double sd = Math.sqrt(Math.max(0, squares / valid - mean * mean) * valid / (valid - 1.0));
    double se = seSum / valid;
    System.out.printf(
        Locale.ROOT,
        "| %s%s | %.3f | %+.3f | %.4f | %.4f | %.2f | %.3f | %.1f%% (%d/%d) | %.4f | %.1f%% |%s%n",
        name,
        valid < r ? " (" + (r - valid) + " empty)" : "",
        mean,
        mean - truthSum / r,
        sd,
        se,
        se / sd,
        widthSum / valid,
        100.0 * covered / r,
        covered,
        r,
        ownSeSum / valid,
        100.0 * coveredOwn / r,
        sampleTruthOf == null
            ? ""
            : String.format(Locale.ROOT, " %.1f%% |", 100.0 * coveredSample / r));
  }

  private static double quantile(int clusters) {
    return new TDistribution(null, clusters - 1).inverseCumulativeProbability(0.975);
  }
}
