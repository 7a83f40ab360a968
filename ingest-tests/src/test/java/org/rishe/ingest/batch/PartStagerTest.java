package org.rishe.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileException;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.batch.SourceRow;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.RowValidator;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * A file staged in parts on the executors stages exactly what a sequential read of it stages: every
 * accepted row, every rejected row with its file, line, reason, field and raw row, and the file's
 * counts and columns.
 */
class PartStagerTest {
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);
  private static final String INGEST = "ingest-1";
  private static final long PART_BYTES = 1024;
  private static SparkSession spark;
  private final List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

  @TempDir Path temporary;

  @BeforeAll
  static void startSpark() {
    spark = TestSparkSessions.shared();
  }

  private static String people(int rows) {
    StringBuilder csv =
        new StringBuilder(
            "\uFEFF\r\nperson_id,family_id,full_name,national_id,birth_date,sex,relation,"
                + "registered_on,consent_analytics,favourite_colour\r\n");
    for (int i = 0; i < rows; i++) {
      switch (i % 6) {
        case 0 ->
            csv.append(
                "P%d,F1,\"Zahra\nAhmadi\",001%d,2012-05-01,female,child,2024-01-10,true,blue\n"
                    .formatted(i, i));
        case 1 ->
            csv.append(
                "P%d,F1,\"Ali \"\"the elder\"\"\r\nRezaei\",00%d,1980-03-03,male,father,2024-01-10,,green\r\n\r\n"
                    .formatted(i, i));
        case 2 -> csv.append("P%d,F2,Short Row,00%d,2014-01-01\n".formatted(i, i));
        case 3 ->
            csv.append(
                "P%d,F2,زهرا,00%d,2014-13-01,female,child,2024-01-10,true,\"red,\n\"\"dark\"\"\"\n"
                    .formatted(i, i));
        case 4 -> csv.append("\n\n");
        default ->
            csv.append(
                "P%d,,Nobody,00%d,2013-01-01,male,child,2024-01-10,maybe,red\r\n".formatted(i, i));
      }
    }
    return csv.toString();
  }

  private static String cases(int rows) {
    StringBuilder json = new StringBuilder("\uFEFF");
    for (int i = 0; i < rows; i++) {
      switch (i % 5) {
        case 0 ->
            json.append(
                "{\"case_id\":\"C%d\",\"person_id\":\"P1\",\"problem\":\"child_labour\",\"opened_on\":\"2024-03-01\",\"status\":\"open\",\"phone\":\"0912\"}\n"
                    .formatted(i));
        case 1 ->
            json.append(
                "{\"case_id\":\"C%d\",\"person_id\":\"P1\",\"problem\":\"no_such_problem\",\"opened_on\":\"2024-03-01\",\"mood\":\"x\"}\r\n"
                    .formatted(i));
        case 2 -> json.append("not json\n\n");
        case 3 ->
            json.append(
                "{\"case_id\":\"C%d\",\"person_id\":\"P1\",\"problem\":\"delinquency\",\"opened_on\":\"2024-13-01\"}\n"
                    .formatted(i));
        default -> json.append("{\"case_id\":\"C%d\",\"tags\":[1]}\n".formatted(i));
      }
    }
    return json.toString();
  }

  private Path write(String name, byte[] content) {
    try {
      Path batch = Files.createDirectories(temporary.resolve("batch"));
      return Files.write(batch.resolve(name), content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RowValidator validator(Entity entity) {
    return new RowValidator(
        entity,
        Catalogue.defaultCatalogue(),
        new DateParser(DateParser.BatchCalendar.GREGORIAN),
        PSEUDONYMS);
  }

  private FileStats stageInParts(Entity entity, Path file, String fileStaging) {
    EntityStager stager =
        new EntityStager(
            spark,
            new WarehouseFiles(spark.sparkContext().hadoopConfiguration()),
            PSEUDONYMS,
            progress::add,
            PART_BYTES);
    return stager.stage(
        entity,
        file.toString(),
        BatchSource.file(file.getFileName().toString()),
        2,
        validator(entity),
        INGEST,
        fileStaging,
        BatchEncoding.UTF_8);
  }

  /** The staged rows of one kind, as lists of values in line order. */
  private static List<List<Object>> staged(String fileStaging, String kind, StructType schema) {
    String path = EntityStager.stagedPath(fileStaging, kind);
    if (!Files.exists(Path.of(path))) {
      return List.of();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : spark.read().schema(schema).parquet(path).collectAsList()) {
      rows.add(IntStream.range(0, row.length()).mapToObj(row::get).toList());
    }
    return sortedByLine(rows, schema);
  }

  private static List<List<Object>> sortedByLine(List<List<Object>> rows, StructType schema) {
    int line =
        schema.fieldIndex(
            schema.equals(CuratedSchemas.quarantine())
                ? CuratedSchemas.QUARANTINE_LINE
                : CuratedSchemas.LINE);
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(row -> (Long) row.get(line)));
    return sorted;
  }

  /** What a sequential read of the file stages, and the counts and columns it finds. */
  private static final class Sequential {
    final List<List<Object>> accepted = new ArrayList<>();
    final List<List<Object>> rejected = new ArrayList<>();
    final Map<String, Long> reasons = new TreeMap<>();
    List<String> ignored;
    List<String> dropped;

    Sequential(Entity entity, Path file) throws IOException {
      String name = file.getFileName().toString();
      RowStaging staging = new RowStaging(entity, validator(entity), PSEUDONYMS, INGEST, name, 2);
      try (BatchFileReader reader =
          BatchFileReader.open(name, new ByteArrayInputStream(Files.readAllBytes(file)))) {
        for (Optional<SourceRow> row; (row = reader.next()).isPresent(); ) {
          RowStaging.Staged staged = staging.stage(row.get());
          (staged.accepted() ? accepted : rejected).add(java.util.Arrays.asList(staged.values()));
          if (!staged.accepted()) {
            reasons.merge(staged.reason(), 1L, Long::sum);
          }
        }
        ignored = EntityStager.ignoredColumns(entity, reader.columns());
        dropped = List.copyOf(new TreeSet<>(reader.droppedPersonalColumns()));
      }
    }
  }

  private void assertStagedAsSequentially(Entity entity, Path file) throws IOException {
    String fileStaging = temporary.resolve("staging/" + entity.fileName()).toString();
    Sequential expected = new Sequential(entity, file);

    FileStats stats = stageInParts(entity, file, fileStaging);

    List<List<Object>> accepted =
        staged(fileStaging, EntityStager.ACCEPTED, CuratedSchemas.staging(entity));
    List<List<Object>> rejected =
        staged(fileStaging, EntityStager.REJECTED, CuratedSchemas.quarantine());
    assertThat(accepted).isNotEmpty().isEqualTo(expected.accepted);
    assertThat(rejected)
        .isNotEmpty()
        .isEqualTo(sortedByLine(expected.rejected, CuratedSchemas.quarantine()));
    assertThat(stats.read()).isEqualTo(accepted.size() + rejected.size());
    assertThat(stats.rejectedByReason()).isEqualTo(expected.reasons);
    assertThat(stats.ignoredColumns()).isEqualTo(expected.ignored);
    assertThat(stats.droppedPersonalColumns()).isEqualTo(expected.dropped);
    assertThat(stats.order()).isEqualTo(2);
    assertThat(stats.digest())
        .isEqualTo(
            new WarehouseFiles(spark.sparkContext().hadoopConfiguration()).sha256(file.toString()));
  }

  @Test
  void aCsvFileWithQuotedLineBreaksStagedInSmallPartsStagesWhatASequentialReadStages()
      throws IOException {
    byte[] content = people(120).getBytes(StandardCharsets.UTF_8);
    assertThat((long) content.length).isGreaterThan(5 * PART_BYTES);
    Path file = write("people.csv", content);

    assertStagedAsSequentially(Entity.PEOPLE, file);
    assertThat(progress.get(0))
        .matches("  people\\.csv: 0\\.0 MB in [6-9] parts, read on the executors");
    assertThat(progress.get(progress.size() - 1))
        .matches("  people\\.csv: 100 rows, 100% of 0 MB, [0-9,]+ rows/s");
  }

  @Test
  void aJsonLinesFileStagedInSmallPartsStagesWhatASequentialReadStages() throws IOException {
    byte[] content = cases(100).getBytes(StandardCharsets.UTF_8);
    assertThat((long) content.length).isGreaterThan(5 * PART_BYTES);
    Path file = write("cases.jsonl", content);

    assertStagedAsSequentially(Entity.CASES, file);
  }

  @Test
  void invalidUtf8InALaterPartFailsTheWholeFileWithTheMessageOfASequentialRead() {
    byte[] text = people(120).getBytes(StandardCharsets.UTF_8);
    byte[] last =
        "P999,F1,Bad\u00ff,0099,2012-05-01,female,child,2024-01-10,true,blue\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] content = java.util.Arrays.copyOf(text, text.length + last.length);
    System.arraycopy(last, 0, content, text.length, last.length);
    Path file = write("people.csv", content);
    String fileStaging = temporary.resolve("staging/people").toString();

    assertThatThrownBy(() -> stageInParts(Entity.PEOPLE, file, fileStaging))
        .isInstanceOf(BatchFileException.class)
        .hasMessage("people.csv: the file is not UTF-8 text; save it as UTF-8 and ingest it again");
  }

  @Test
  void aFileWithTwoFaultsFailsWithTheFirstAsASequentialReadDoes() {
    // far enough apart that a sequential read meets the long record before it decodes the end
    String text = people(2400);
    int middle = text.indexOf("\nP60,") + 1;
    // a record longer than a CSV record may be, then bytes that are not UTF-8 at the end
    String faulty =
        text.substring(0, middle)
            + "P6x,\""
            + "a".repeat((1 << 20) + 1)
            + "\",x\n"
            + text.substring(middle);
    byte[] bytes = faulty.getBytes(StandardCharsets.UTF_8);
    byte[] content = java.util.Arrays.copyOf(bytes, bytes.length + 2);
    content[bytes.length] = (byte) 0xFF;
    content[bytes.length + 1] = '\n';
    Path file = write("people.csv", content);
    String fileStaging = temporary.resolve("staging/people").toString();

    assertThatThrownBy(() -> stageInParts(Entity.PEOPLE, file, fileStaging))
        .isInstanceOf(BatchFileException.class)
        .hasMessageStartingWith("people.csv: not valid CSV at line ")
        .hasMessageContaining("record longer than");
  }

  @Test
  void aWindows1256FileReadAsUtf8FailsNamingTheEncodingOption() {
    String text = people(60).replace("\uFEFF", "");
    Path file = write("people.csv", text.getBytes(BatchEncoding.WINDOWS_1256.charset()));
    String fileStaging = temporary.resolve("staging/people").toString();

    assertThatThrownBy(() -> stageInParts(Entity.PEOPLE, file, fileStaging))
        .isInstanceOf(BatchFileException.class)
        .hasMessageContaining("--encoding windows-1256");
  }

  @Test
  void theStagedSchemaOfEveryEntityHoldsItsStagingAndQuarantineColumnsApart() {
    for (Entity entity : Entity.values()) {
      assertThat(PartStager.stagedSchema(entity).size())
          .isEqualTo(
              CuratedSchemas.staging(entity).size() + CuratedSchemas.quarantine().size() + 1);
    }
  }
}
