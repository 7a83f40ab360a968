package org.rishe.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rishe.common.contract.Entity;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

/**
 * Writes {@code data-samples/batch.xlsx} from {@code data-samples/batch/*.csv}: a sheet per entity,
 * in contract order, each CSV line a spreadsheet row, as a person would have typed it in Excel:
 * whole and decimal numbers as number cells (when Excel would show them as written), dates as date
 * cells, {@code true}/{@code false} as boolean cells, everything else as text.
 *
 * <p>Run from the repository's root after regenerating the CSV batch: {@code mvn -o -q test-compile
 * -pl common,spark,ingest} and then {@code java -cp ingest/target/test-classes:...
 * org.rishe.ingest.DataSampleWorkbook data-samples/batch data-samples/batch.xlsx} (see
 * data-samples/README.md).
 */
final class DataSampleWorkbook {
  private DataSampleWorkbook() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "data-samples/batch");
    Path workbook = Path.of(args.length > 1 ? args[1] : "data-samples/batch.xlsx");
    Path written =
        TestBatches.writeWorkbook(
            workbook.toAbsolutePath().getParent(),
            workbook.getFileName().toString(),
            sheets(folder));
    System.out.println("wrote " + written);
  }

  /** The sheets of the workbook: each entity's CSV file of the folder, its cells typed. */
  static Map<String, List<List<Object>>> sheets(Path folder) throws IOException {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    for (Entity entity : Entity.values()) {
      Path file = folder.resolve(entity.fileName() + ".csv");
      if (!Files.exists(file)) {
        continue;
      }
      List<List<Object>> rows = new ArrayList<>();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CsvReader csv = new CsvReader(reader)) {
        Optional<CsvRecord> record;
        boolean header = true;
        while ((record = csv.next()).isPresent()) {
          List<Object> row = new ArrayList<>();
          for (String cell : record.get().cells()) {
            row.add(header ? cell : typed(cell));
          }
          rows.add(row);
          header = false;
        }
      }
      sheets.put(entity.fileName(), rows);
    }
    return sheets;
  }

  /** A cell as Excel would hold it, read back by ingest as the same text. */
  private static Object typed(String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    if (cell.matches("-?(0|[1-9]\\d{0,14})(\\.\\d*[1-9])?") && cell.length() <= 16) {
      return Double.parseDouble(cell);
    }
    if (cell.equals("true") || cell.equals("false")) {
      return Boolean.parseBoolean(cell);
    }
    if (cell.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return LocalDate.parse(cell);
      } catch (DateTimeParseException e) {
        return cell;
      }
    }
    return cell;
  }
}
