package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.Edge;
import org.rishe.common.results.ResultTables;

/** The published tables of the causal-graph step, built from its {@link CausalGraphStep.Result}. */
public final class CausalGraphTables {
  /** English and Persian labels of the demographic variables, which the catalogue does not hold. */
  private static final Map<String, List<String>> DEMOGRAPHIC_LABELS =
      Map.of(
          CausalGraphTransforms.SEX_VARIABLE, List.of("Sex", "جنسیت"),
          CausalGraphTransforms.AGE_BAND, List.of("Age band", "گروه سنی"),
          CausalGraphTransforms.REGION_VARIABLE, List.of("Region", "منطقه"));

  private CausalGraphTables() {}

  /** One row per variable: id, kind, English and Persian labels (catalogue labels for codes). */
  public static Dataset<Row> nodes(
      SparkSession spark, CausalGraphStep.Result result, Dataset<Row> indicators) {
    Map<String, List<String>> labels = new HashMap<>(DEMOGRAPHIC_LABELS);
    for (Row row :
        indicators
            .select(col("code"), col(ResultTables.LABEL_EN), col(ResultTables.LABEL_FA))
            .collectAsList()) {
      List<String> pair = new ArrayList<>();
      pair.add(row.getString(1));
      pair.add(row.getString(2));
      labels.put(row.getString(0), pair);
    }
    List<Row> rows = new ArrayList<>();
    for (String id : result.graph().nodes()) {
      List<String> label = labels.getOrDefault(id, Arrays.asList(id, null));
      rows.add(RowFactory.create(id, result.kinds().get(id), label.get(0), label.get(1)));
    }
    return spark.createDataFrame(rows, nodesSchema());
  }

  /** One row per edge: from, to (ids), directed, and the share of resamples with the adjacency. */
  public static Dataset<Row> edges(SparkSession spark, CausalGraphStep.Result result) {
    CausalGraph graph = result.graph();
    List<Row> rows = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      rows.add(
          RowFactory.create(
              graph.nodes().get(edge.from()),
              graph.nodes().get(edge.to()),
              edge.directed(),
              result.stability().adjacency(edge.from(), edge.to())));
    }
    return spark.createDataFrame(rows, edgesSchema());
  }

  /**
   * One row per problem and chain, in rank order; effects on the {@link
   * ResultTables#RISK_DIFFERENCE_SCALE} scale.
   */
  public static Dataset<Row> chains(SparkSession spark, CausalGraphStep.Result result) {
    List<Row> rows = new ArrayList<>();
    for (RootCauseChain chain : result.chains()) {
      rows.add(
          RowFactory.create(
              chain.problem(),
              chain.rank(),
              chain.path().toArray(new String[0]),
              chain.directed(),
              chain.people(),
              chain.direct().estimate(),
              chain.direct().low(),
              chain.direct().high(),
              chain.indirect().estimate(),
              chain.indirect().low(),
              chain.indirect().high(),
              chain.total().estimate(),
              chain.total().low(),
              chain.total().high(),
              chain.shareMediated(),
              ResultTables.RISK_DIFFERENCE_SCALE,
              chain.families(),
              chain.riskExposed(),
              chain.riskUnexposed()));
    }
    return spark.createDataFrame(rows, chainsSchema());
  }

  public static StructType nodesSchema() {
    return DataTypes.createStructType(
        List.of(
            DataTypes.createStructField(ResultTables.ID, DataTypes.StringType, false),
            DataTypes.createStructField(ResultTables.KIND, DataTypes.StringType, false),
            DataTypes.createStructField(ResultTables.LABEL_EN, DataTypes.StringType, true),
            DataTypes.createStructField(ResultTables.LABEL_FA, DataTypes.StringType, true)));
  }

  public static StructType edgesSchema() {
    return DataTypes.createStructType(
        List.of(
            DataTypes.createStructField(ResultTables.FROM, DataTypes.StringType, false),
            DataTypes.createStructField(ResultTables.TO, DataTypes.StringType, false),
            DataTypes.createStructField(ResultTables.DIRECTED, DataTypes.BooleanType, false),
            DataTypes.createStructField(ResultTables.STABILITY, DataTypes.DoubleType, false)));
  }

  public static StructType chainsSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ResultTables.PROBLEM, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ResultTables.RANK, DataTypes.IntegerType, false));
    fields.add(
        DataTypes.createStructField(
            ResultTables.PATH, DataTypes.createArrayType(DataTypes.StringType, false), false));
    fields.add(DataTypes.createStructField(ResultTables.DIRECTED, DataTypes.BooleanType, false));
    fields.add(DataTypes.createStructField(ResultTables.PEOPLE, DataTypes.LongType, false));
    for (String effect : List.of(ResultTables.DIRECT, ResultTables.INDIRECT, ResultTables.TOTAL)) {
      fields.add(DataTypes.createStructField(effect, DataTypes.DoubleType, false));
      fields.add(
          DataTypes.createStructField(
              effect + ResultTables.LOW_SUFFIX, DataTypes.DoubleType, false));
      fields.add(
          DataTypes.createStructField(
              effect + ResultTables.HIGH_SUFFIX, DataTypes.DoubleType, false));
    }
    fields.add(
        DataTypes.createStructField(ResultTables.SHARE_MEDIATED, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(ResultTables.EFFECT_SCALE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ResultTables.FAMILIES, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(ResultTables.RISK_EXPOSED, DataTypes.DoubleType, false));
    fields.add(
        DataTypes.createStructField(ResultTables.RISK_UNEXPOSED, DataTypes.DoubleType, false));
    return DataTypes.createStructType(fields);
  }
}
