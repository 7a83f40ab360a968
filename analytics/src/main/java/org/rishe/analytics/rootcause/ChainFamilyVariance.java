package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The family-clustered intervals of every chain of a run in one Spark job ({@link
 * FamilyClustering}). The chains' effects are estimated on the driver from the counted patterns,
 * which lose the family; each person's influence values are a function of their codes only, so what
 * computes them ({@link ChainInfluence}: a few vectors per chain, all chains at once) is broadcast,
 * every person's values are computed and summed per family on the executors, each family's sums are
 * squared and those summed over the families. The driver receives, per partition, four numbers per
 * chain, never a person.
 */
final class ChainFamilyVariance {
  private ChainFamilyVariance() {}

  /**
   * A partition's families' terms summed, or nothing for a partition without families. The driver
   * adds the partitions' sums in partition order: an RDD {@code reduce} would add them in the order
   * their tasks end, and floating-point sums in another order differ in their last digits, which
   * made two runs on the same warehouse publish chains with different last digits (and, where two
   * chains tie, a different rank).
   */
  private static Iterator<double[]> partitionSum(Iterator<double[]> families) {
    double[] sum = null;
    while (families.hasNext()) {
      double[] family = families.next();
      sum = sum == null ? family : FamilyClustering.add(sum, family);
    }
    return sum == null ? Collections.emptyIterator() : List.of(sum).iterator();
  }

  /**
   * The chains with intervals clustered by family. {@code matrix} has one row per person with the
   * columns {@link CausalGraphTransforms#codedVariables} reads and {@link
   * ExposureTransforms#FAMILY}; the chains' models were fitted on the patterns counted from it.
   */
  static List<RootCauseChain> clustered(
      Dataset<Row> matrix,
      List<String> factors,
      List<String> problems,
      List<String> regions,
      List<RootCauseChains.Estimated> chains) {
    if (chains.isEmpty()) {
      return List.of();
    }
    List<ChainInfluence> influences = new ArrayList<>();
    chains.forEach(chain -> influences.add(chain.effects().influence()));
    List<Column> columns =
        new ArrayList<>(CausalGraphTransforms.codedVariables(factors, problems, regions));
    int variables = columns.size();
    columns.add(col(ExposureTransforms.FAMILY).cast("string"));
    Dataset<Row> people = matrix.select(columns.toArray(new Column[0]));
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(matrix.sparkSession().sparkContext());
    Broadcast<List<ChainInfluence>> shared = context.broadcast(List.copyOf(influences));
    try {
      double[] totals =
          people
              .javaRDD()
              .mapToPair(
                  row -> {
                    byte[] codes = new byte[variables];
                    for (int variable = 0; variable < variables; variable++) {
                      codes[variable] = (byte) row.getInt(variable);
                    }
                    return new Tuple2<>(
                        row.getString(variables), FamilyClustering.person(shared.value(), codes));
                  })
              .reduceByKey(FamilyClustering::add)
              .map(family -> FamilyClustering.family(family._2()))
              .mapPartitions(ChainFamilyVariance::partitionSum)
              .collect()
              .stream()
              .reduce(FamilyClustering::add)
              .orElseThrow(() -> new UnsupportedOperationException("empty collection"));
      return FamilyClustering.intervals(chains, totals);
    } finally {
      shared.destroy();
    }
  }
}
