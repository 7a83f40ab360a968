package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Shared machinery of the Pearson and likelihood-ratio tests on stratified contingency tables.
 * Degrees of freedom follow causal-learn: each non-empty stratum contributes (rows - 1 - empty
 * rows) x (columns - 1 - empty columns), so structural zeros do not inflate them; with no degrees
 * of freedom left the data cannot show dependence and the p-value is 1.
 */
abstract class ContingencyTest implements IndependenceTest {
  private final DiscreteData data;
  private final Map<Long, ChiSquaredDistribution> distributions = new ConcurrentHashMap<>();

  ContingencyTest(DiscreteData data) {
    this.data = requireNonNull(data, "data is null");
  }

  @Override
  public int variableCount() {
    return data.variableCount();
  }

  @Override
  public double pValue(int x, int y, int[] conditioning) {
    requireNonNull(conditioning, "conditioning is null");
    TestStatistic statistic = statistic(data.stratifiedTable(x, y, conditioning));
    return statistic.pValue(this::distribution);
  }

  @Override
  public void prepare(int anchor, int[] variables) {
    data.prepareJoint(anchor, variables);
  }

  @Override
  public void release(int anchor) {
    data.release(anchor);
  }

  /** The statistic and its degrees of freedom for one stratified table. */
  TestStatistic statistic(StratifiedTable table) {
    int cardX = table.cardX();
    int cardY = table.cardY();
    double[] rowTotals = new double[cardX];
    double[] columnTotals = new double[cardY];
    double statistic = 0;
    long degreesOfFreedom = 0;
    for (int stratum = 0; stratum < table.strata(); stratum++) {
      Arrays.fill(rowTotals, 0);
      Arrays.fill(columnTotals, 0);
      double total = 0;
      for (int x = 0; x < cardX; x++) {
        for (int y = 0; y < cardY; y++) {
          double count = table.count(stratum, x, y);
          rowTotals[x] += count;
          columnTotals[y] += count;
          total += count;
        }
      }
      if (total == 0) {
        continue;
      }
      int emptyRows = 0;
      for (double rowTotal : rowTotals) {
        emptyRows += rowTotal == 0 ? 1 : 0;
      }
      int emptyColumns = 0;
      for (double columnTotal : columnTotals) {
        emptyColumns += columnTotal == 0 ? 1 : 0;
      }
      degreesOfFreedom += (long) (cardX - 1 - emptyRows) * (cardY - 1 - emptyColumns);
      for (int x = 0; x < cardX; x++) {
        if (rowTotals[x] == 0) {
          continue;
        }
        for (int y = 0; y < cardY; y++) {
          double expected = rowTotals[x] * columnTotals[y] / total;
          if (expected > 0) {
            statistic += contribution(table.count(stratum, x, y), expected);
          }
        }
      }
    }
    return new TestStatistic(statistic, degreesOfFreedom);
  }

  /** One cell's share of the statistic; called only where the expected count is positive. */
  abstract double contribution(double observed, double expected);

  private ChiSquaredDistribution distribution(long degreesOfFreedom) {
    // No random generator: the distribution is only evaluated, never sampled.
    return distributions.computeIfAbsent(
        degreesOfFreedom, df -> new ChiSquaredDistribution(null, df));
  }
}
