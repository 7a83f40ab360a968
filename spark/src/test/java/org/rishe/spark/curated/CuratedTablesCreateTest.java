package org.rishe.spark.curated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Entity;
import org.rishe.spark.TestSparkSessions;

/**
 * A table's first load ({@link CuratedTables#mergeEntity} on a table that does not exist) stores
 * the staged rows that are not tombstones, unchanged, in the table's columns and types; Delta
 * declares every column of a table it creates from rows nullable. Dates and timestamps are Java 8
 * values, as the session ({@code spark.sql.datetime.java8API.enabled}) gives and takes them.
 */
class CuratedTablesCreateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark = TestSparkSessions.shared();
  private final CuratedTables tables = new CuratedTables(spark);

  @TempDir Path temporary;

  @Test
  void stagedRowsReadFromParquetAreStoredUnchangedInTheTablesColumns() {
    // observations and aid events have date and timestamp columns in their keys
    for (Entity entity : List.of(Entity.OBSERVATIONS, Entity.AID_EVENTS)) {
      StructType schema = CuratedSchemas.curated(entity);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        rows.add(row(schema, i));
      }
      String path = temporary.resolve(entity.fileName()).toString();

      assertThat(tables.mergeEntity(path, entity, staged(entity, rows))).isTrue();

      assertThat(tableSchema(path)).as(entity.fileName()).isEqualTo(schema.asNullable());
      assertThat(spark.read().format("delta").load(path).collectAsList())
          .as(entity.fileName())
          .containsExactlyInAnyOrderElementsOf(rows);
    }
  }

  /**
   * Staged rows as an ingest hands them over: written to Parquet and read back with the staged
   * schema given (every column nullable), a tombstone among them, the columns in another order.
   */
  private Dataset<Row> staged(Entity entity, List<Row> rows) {
    StructType schema =
        CuratedSchemas.curated(entity)
            .add(CuratedSchemas.DELETED_AT, DataTypes.TimestampType, true)
            .asNullable();
    List<Row> withTombstones = new ArrayList<>();
    for (Row row : rows) {
      withTombstones.add(withDeletedAt(row, null));
    }
    withTombstones.add(
        withDeletedAt(
            row(CuratedSchemas.curated(entity), 99), Instant.parse("2025-01-01T00:00:00Z")));
    String folder = temporary.resolve("staged-" + entity.fileName()).toString();
    spark.createDataFrame(withTombstones, schema).write().parquet(folder);
    List<String> reversed = new ArrayList<>(List.of(schema.fieldNames()));
    java.util.Collections.reverse(reversed);
    return spark.read().schema(schema).parquet(folder).selectExpr(reversed.toArray(String[]::new));
  }

  private static Row withDeletedAt(Row row, Instant deletedAt) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      values.add(row.get(i));
    }
    values.add(deletedAt);
    return RowFactory.create(values.toArray());
  }

  /** The schema the table's first commit declares. */
  private static StructType tableSchema(String path) {
    try (Stream<String> actions =
        Files.lines(Path.of(path, "_delta_log", "00000000000000000000.json"))) {
      JsonNode metadata =
          actions
              .map(CuratedTablesCreateTest::json)
              .filter(action -> action.has("metaData"))
              .findFirst()
              .orElseThrow()
              .get("metaData");
      return (StructType) DataType.fromJson(metadata.get("schemaString").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Row {@code i} of the schema, every column set. */
  private static Row row(StructType schema, int i) {
    Object[] values = new Object[schema.size()];
    for (int c = 0; c < values.length; c++) {
      StructField field = schema.fields()[c];
      values[c] = value(field.dataType(), i + c);
    }
    return RowFactory.create(values);
  }

  private static Object value(DataType type, int n) {
    if (type.equals(DataTypes.DateType)) {
      return LocalDate.of(2024, 1, 1).plusDays(n);
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Instant.parse("2024-01-01T08:30:00Z").plusSeconds(3_600L * n);
    }
    if (type.equals(DataTypes.LongType)) {
      return (long) n;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return n + 0.5;
    }
    if (type.equals(DataTypes.BooleanType)) {
      return n % 2 == 0;
    }
    return "v" + n;
  }
}
