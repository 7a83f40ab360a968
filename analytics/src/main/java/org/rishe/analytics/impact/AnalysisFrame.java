package org.rishe.analytics.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
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
  private static final String PACKED = "_packed";

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
    // Each person's lists are read once, into one binary value: the programme × person rows (some
    // 30 per person at a million families) then carry bytes, not lists of structs that each would
    // turn into objects again.
    Packer packer = new Packer(factorCodes);
    Dataset<Row> packed =
        lists.map(
            (MapFunction<Row, Row>) packer::pack,
            Encoders.row(
                DataTypes.createStructType(
                    List.of(
                        DataTypes.createStructField("_outcome_person", DataTypes.StringType, false),
                        DataTypes.createStructField(PACKED, DataTypes.BinaryType, false)))));
    Dataset<Row> joined =
        indexedPeople.join(
            packed,
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
            factorCodes.size(),
            kept.stream().mapToInt(Integer::intValue).toArray(),
            joined.schema().fieldIndex(ProgramImpactTransforms.INDEX_DATE),
            joined.schema().fieldIndex(ProgramImpactTransforms.FOLLOW_UP_START),
            joined.schema().fieldIndex(ProgramImpactTransforms.FOLLOW_UP_END),
            joined.schema().fieldIndex(PACKED));
    return joined.flatMap((FlatMapFunction<Row, Row>) reader::rows, Encoders.row(schema));
  }

  /**
   * A person's lists as one binary value: the factor values (person's and family's alike, of the
   * frame's factor codes only) as code index, day and number; then the outcome values as name,
   * value type, day and number. Big-endian, as {@link ByteBuffer} reads it.
   */
  private static final class Packer implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Integer> factorIndex = new HashMap<>();

    Packer(List<String> factorCodes) {
      for (int code = 0; code < factorCodes.size(); code++) {
        factorIndex.put(factorCodes.get(code), code);
      }
    }

    Row pack(Row lists) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        List<Row> factors = new ArrayList<>();
        for (String column : List.of(PERSON_FACTORS, FAMILY_FACTORS)) {
          for (Row value : list(lists, column)) {
            if (factorIndex.containsKey(value.getString(0))) {
              factors.add(value);
            }
          }
        }
        out.writeInt(factors.size());
        for (Row value : factors) {
          out.writeInt(factorIndex.get(value.getString(0)));
          out.writeInt(value.getInt(1));
          out.writeDouble(value.getDouble(2));
        }
        List<Row> outcomes = list(lists, OUTCOMES);
        out.writeInt(outcomes.size());
        for (Row value : outcomes) {
          writeString(out, value.getString(0));
          writeString(out, value.getString(1));
          out.writeInt(value.getInt(2));
          out.writeDouble(value.getDouble(3));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return RowFactory.create(
          lists.getString(lists.fieldIndex("_outcome_person")), bytes.toByteArray());
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
    }

    private static List<Row> list(Row row, String column) {
      List<Row> values = row.getList(row.fieldIndex(column));
      return values == null ? List.of() : values;
    }
  }

  /** Reads one joined row into frame rows: one per outcome observed in the window. */
  private static final class Reader implements Serializable {
    private static final long serialVersionUID = 2L;
    private final int factorCount;
    private final int[] keptColumns;
    private final int indexColumn;
    private final int startColumn;
    private final int endColumn;
    private final int packedColumn;

    /**
     * {@code keptColumns}: the joined row's indexed columns the frame keeps, in order; the other
     * arguments: where the row's index date, follow-up window (a null end: none) and packed lists
     * ({@link Packer}) are.
     */
    Reader(
        int factorCount,
        int[] keptColumns,
        int indexColumn,
        int startColumn,
        int endColumn,
        int packedColumn) {
      this.factorCount = factorCount;
      this.keptColumns = keptColumns.clone();
      this.indexColumn = indexColumn;
      this.startColumn = startColumn;
      this.endColumn = endColumn;
      this.packedColumn = packedColumn;
    }

    /** An outcome value read from the packed lists. */
    private record Outcome(String name, String valueType, int day, double number) {}

    Iterator<Row> rows(Row row) {
      long index = epochDay(row.get(indexColumn));
      ByteBuffer packed = ByteBuffer.wrap((byte[]) row.get(packedColumn));
      // the latest value strictly before the index date; of two the same day, the larger
      Double[] latest = new Double[factorCount];
      long[] latestDay = new long[factorCount];
      int factors = packed.getInt();
      for (int value = 0; value < factors; value++) {
        int code = packed.getInt();
        long day = packed.getInt();
        double number = packed.getDouble();
        if (day >= index) {
          continue;
        }
        if (latest[code] == null
            || day > latestDay[code]
            || (day == latestDay[code] && number > latest[code])) {
          latest[code] = number;
          latestDay[code] = day;
        }
      }
      // per outcome, the first value in the window; of two the same day, the smaller
      int startDays = row.getInt(startColumn);
      long endDays = row.isNullAt(endColumn) ? Long.MAX_VALUE : row.getInt(endColumn);
      Map<String, Outcome> first = new TreeMap<>();
      int outcomes = packed.getInt();
      for (int value = 0; value < outcomes; value++) {
        Outcome outcome =
            new Outcome(string(packed), string(packed), packed.getInt(), packed.getDouble());
        long after = outcome.day() - index;
        if (after < startDays || after > endDays) {
          continue;
        }
        Outcome best = first.get(outcome.name());
        if (best == null
            || outcome.day() < best.day()
            || (outcome.day() == best.day() && outcome.number() < best.number())) {
          first.put(outcome.name(), outcome);
        }
      }
      List<Row> rows = new ArrayList<>(first.size());
      for (Outcome outcome : first.values()) {
        int indexedColumns = keptColumns.length;
        Object[] values = new Object[indexedColumns + 3 + factorCount];
        for (int column = 0; column < indexedColumns; column++) {
          values[column] = row.get(keptColumns[column]);
        }
        values[indexedColumns] = outcome.name();
        values[indexedColumns + 1] = outcome.valueType();
        values[indexedColumns + 2] = outcome.number();
        System.arraycopy(latest, 0, values, indexedColumns + 3, factorCount);
        rows.add(RowFactory.create(values));
      }
      return rows.iterator();
    }

    private static String string(ByteBuffer packed) {
      byte[] utf8 = new byte[packed.getInt()];
      packed.get(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }

    private static long epochDay(Object date) {
      return date instanceof LocalDate local
          ? local.toEpochDay()
          : ((java.sql.Date) date).toLocalDate().toEpochDay();
    }
  }
}
