package org.rishe.analytics.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the analysis frame of programme evaluation ({@link ProgramImpactTransforms#analysisFrame})
 * without a programme × person × observation table. Each person's readable factor and outcome
 * values, and each family's factor values, are gathered once into a list (a shuffle by subject);
 * the family's list joins each member's row, a row a person; each programme × person row is joined
 * to its person's row once and reads, in memory, the latest factor values before its index date and
 * the first outcome value in its programme's follow-up window. At a million families that table
 * would hold hundreds of millions of rows (every observation once per programme); the lists are
 * shuffled once, whatever the number of programmes, and the programme × person rows (some 30
 * million at a million families) once.
 */
final class AnalysisFrame {
  static final String NAME = "name";
  static final String DAY = "day";
  static final String NUMBER = "number";
  private static final String PERSON_FACTORS = "_person_factors";
  private static final String FAMILY_FACTORS = "_family_factors";
  private static final String OUTCOMES = "_outcomes";

  private AnalysisFrame() {}

  /**
   * {@code indexedPeople}: the indexed people with their programme's window ({@link
   * ProgramImpactTransforms#withFollowUp}), which the frame reads and does not keep; {@code
   * factorValues}: subject_id, {@code _family} (a family observation), name, day, number; {@code
   * outcomeValues}: subject_id (a person), name, value_type, day, number. Days count from
   * 1970-01-01; numbers are already read as the catalogue says, never null.
   */
  static Dataset<Row> build(
      Dataset<Row> indexedPeople,
      Dataset<Row> factorValues,
      Dataset<Row> outcomeValues,
      List<String> factorCodes) {
    Dataset<Row> personFactors =
        factorValues
            .filter(col("_family").equalTo(lit(false)))
            .groupBy(col("subject_id").as("_factor_person"))
            .agg(collect_list(struct(col(NAME), col(DAY), col(NUMBER))).as(PERSON_FACTORS));
    Dataset<Row> familyFactors =
        factorValues
            .filter(col("_family"))
            .groupBy(col("subject_id").as("_factor_family"))
            .agg(collect_list(struct(col(NAME), col(DAY), col(NUMBER))).as(FAMILY_FACTORS));
    Dataset<Row> outcomes =
        outcomeValues
            .groupBy(col("subject_id").as("_outcome_person"))
            .agg(
                collect_list(
                        struct(
                            col(NAME),
                            col(ProgramImpactTransforms.VALUE_TYPE),
                            col(DAY),
                            col(NUMBER)))
                    .as(OUTCOMES));
    // The lists meet at the person's grain, a row a person: the family's factors reach each member
    // through the people's families, and the programme × person rows are joined once, to one list
    // row per person, instead of once to the person's lists and again to the family's.
    Dataset<Row> families =
        indexedPeople
            .select(
                col(ProgramImpactTransforms.PERSON_ID).as("_member"),
                col(ProgramImpactTransforms.FAMILY_ID).as("_member_family"))
            .distinct();
    Dataset<Row> familyFactorsByPerson =
        families
            .join(familyFactors, col("_member_family").equalTo(col("_factor_family")))
            .select(col("_member"), col(FAMILY_FACTORS));
    Dataset<Row> lists =
        outcomes
            .join(personFactors, col("_outcome_person").equalTo(col("_factor_person")), "left")
            .join(familyFactorsByPerson, col("_outcome_person").equalTo(col("_member")), "left")
            .select(
                col("_outcome_person"), col(OUTCOMES), col(PERSON_FACTORS), col(FAMILY_FACTORS));
    Dataset<Row> joined =
        indexedPeople.join(
            lists,
            indexedPeople.col(ProgramImpactTransforms.PERSON_ID).equalTo(col("_outcome_person")),
            "inner");
    List<String> windowColumns =
        List.of(ProgramImpactTransforms.FOLLOW_UP_START, ProgramImpactTransforms.FOLLOW_UP_END);
    List<StructField> fields = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    StructField[] indexedFields = indexedPeople.schema().fields();
    for (int column = 0; column < indexedFields.length; column++) {
      if (!windowColumns.contains(indexedFields[column].name())) {
        fields.add(indexedFields[column]);
        kept.add(column);
      }
    }
    fields.add(
        DataTypes.createStructField(ProgramImpactTransforms.OUTCOME, DataTypes.StringType, false));
    fields.add(
        DataTypes.createStructField(
            ProgramImpactTransforms.VALUE_TYPE, DataTypes.StringType, false));
    fields.add(
        DataTypes.createStructField(
            ProgramImpactTransforms.OUTCOME_VALUE, DataTypes.DoubleType, false));
    for (String code : factorCodes) {
      fields.add(DataTypes.createStructField(code, DataTypes.DoubleType, true));
    }
    StructType schema = DataTypes.createStructType(fields);
    Reader reader =
        new Reader(
            factorCodes,
            kept.stream().mapToInt(Integer::intValue).toArray(),
            joined.schema().fieldIndex(ProgramImpactTransforms.FOLLOW_UP_START),
            joined.schema().fieldIndex(ProgramImpactTransforms.FOLLOW_UP_END));
    return joined.flatMap((FlatMapFunction<Row, Row>) reader::rows, Encoders.row(schema));
  }

  /** Reads one joined row into frame rows: one per outcome observed in the window. */
  private static final class Reader implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Integer> factorIndex = new HashMap<>();
    private final int factorCount;
    private final int[] keptColumns;
    private final int startColumn;
    private final int endColumn;

    /**
     * {@code keptColumns}: the joined row's indexed columns the frame keeps, in order; {@code
     * startColumn}, {@code endColumn}: where the row's follow-up window is (a null end: none).
     */
    Reader(List<String> factorCodes, int[] keptColumns, int startColumn, int endColumn) {
      for (int code = 0; code < factorCodes.size(); code++) {
        factorIndex.put(factorCodes.get(code), code);
      }
      this.factorCount = factorCodes.size();
      this.keptColumns = keptColumns.clone();
      this.startColumn = startColumn;
      this.endColumn = endColumn;
    }

    Iterator<Row> rows(Row row) {
      long index = epochDay(row.getAs(ProgramImpactTransforms.INDEX_DATE));
      // the latest value strictly before the index date; of two the same day, the larger
      Double[] latest = new Double[factorCount];
      long[] latestDay = new long[factorCount];
      for (String column : List.of(PERSON_FACTORS, FAMILY_FACTORS)) {
        for (Row value : list(row, column)) {
          Integer code = factorIndex.get(value.getString(0));
          long day = value.getInt(1);
          double number = value.getDouble(2);
          if (code == null || day >= index) {
            continue;
          }
          if (latest[code] == null
              || day > latestDay[code]
              || (day == latestDay[code] && number > latest[code])) {
            latest[code] = number;
            latestDay[code] = day;
          }
        }
      }
      // per outcome, the first value in the window; of two the same day, the smaller
      int startDays = row.getInt(startColumn);
      long endDays = row.isNullAt(endColumn) ? Long.MAX_VALUE : row.getInt(endColumn);
      Map<String, Row> first = new TreeMap<>();
      for (Row value : list(row, OUTCOMES)) {
        long after = value.getInt(2) - index;
        if (after < startDays || after > endDays) {
          continue;
        }
        Row best = first.get(value.getString(0));
        if (best == null
            || value.getInt(2) < best.getInt(2)
            || (value.getInt(2) == best.getInt(2) && value.getDouble(3) < best.getDouble(3))) {
          first.put(value.getString(0), value);
        }
      }
      List<Row> rows = new ArrayList<>(first.size());
      for (Row outcome : first.values()) {
        int indexedColumns = keptColumns.length;
        Object[] values = new Object[indexedColumns + 3 + factorCount];
        for (int column = 0; column < indexedColumns; column++) {
          values[column] = row.get(keptColumns[column]);
        }
        values[indexedColumns] = outcome.getString(0);
        values[indexedColumns + 1] = outcome.getString(1);
        values[indexedColumns + 2] = outcome.getDouble(3);
        System.arraycopy(latest, 0, values, indexedColumns + 3, factorCount);
        rows.add(RowFactory.create(values));
      }
      return rows.iterator();
    }

    private static List<Row> list(Row row, String column) {
      List<Row> values = row.getList(row.fieldIndex(column));
      return values == null ? List.of() : values;
    }

    private static long epochDay(Object date) {
      return date instanceof LocalDate local
          ? local.toEpochDay()
          : ((java.sql.Date) date).toLocalDate().toEpochDay();
    }
  }
}
