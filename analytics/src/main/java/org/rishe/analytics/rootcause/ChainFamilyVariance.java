package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The family-clustered intervals of every chain of a run in one Spark job ({@link
 * FamilyClustering}). The chains' effects are estimated on the driver from the counted patterns,
 * which lose the family; each person's influence values are a function of their codes only, so what
 * computes them ({@link ChainInfluence}: a few vectors per chain, all chains at once) is broadcast.
 * The people's codes are shuffled by family and sorted within each partition, so a family's members
 * arrive together: their values are computed and summed there, each family's sums squared and added
 * to the partition's. Only the people's codes cross the shuffle (not four values per chain and
 * person), and the driver receives, per partition, four numbers per chain, never a person.
 */
final class ChainFamilyVariance {
  private static final String FAMILY = "_chain_family";
  private static final String PERSON = "_chain_person";

  private ChainFamilyVariance() {}

  /**
   * A partition's families' terms summed, or nothing for a partition without people; the rows
   * sorted by family, whose string is the column after the {@code variables} codes. The driver adds
   * the partitions' sums in partition order: an RDD {@code reduce} would add them in the order
   * their tasks end, and floating-point sums in another order differ in their last digits, which
   * made two runs on the same warehouse publish chains with different last digits (and, where two
   * chains tie, a different rank).
   */
  private static Iterator<double[]> partitionSum(
      Iterator<Row> people, int variables, List<ChainInfluence> influences) {
    double[] sum = null;
    double[] members = null;
    String family = null;
    byte[] codes = new byte[variables];
    while (people.hasNext()) {
      Row person = people.next();
      String own = person.getString(variables);
      if (!Objects.equals(own, family)) {
        if (members != null) {
          sum = add(sum, FamilyClustering.family(members));
        }
        members = null;
        family = own;
      }
      for (int variable = 0; variable < variables; variable++) {
        codes[variable] = (byte) person.getInt(variable);
      }
      double[] values = FamilyClustering.person(influences, codes);
      members = members == null ? values : FamilyClustering.add(members, values);
    }
    if (members != null) {
      sum = add(sum, FamilyClustering.family(members));
    }
    return sum == null ? Collections.emptyIterator() : List.of(sum).iterator();
  }

  private static double[] add(double[] sum, double[] more) {
    return sum == null ? more : FamilyClustering.add(sum, more);
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
    columns.add(col(ExposureTransforms.FAMILY).cast("string").as(FAMILY));
    columns.add(col(ExposureTransforms.PERSON).as(PERSON));
    // Sorted by person within the family too, so the members' values are added in one order
    // whatever order the shuffle delivered them in: the same last digits on every run.
    Dataset<Row> people =
        matrix
            .select(columns.toArray(new Column[0]))
            .repartition(col(FAMILY))
            .sortWithinPartitions(FAMILY, PERSON);
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(matrix.sparkSession().sparkContext());
    Broadcast<List<ChainInfluence>> shared = context.broadcast(List.copyOf(influences));
    try {
      double[] totals =
          people
              .javaRDD()
              .mapPartitions(rows -> partitionSum(rows, variables, shared.value()))
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
