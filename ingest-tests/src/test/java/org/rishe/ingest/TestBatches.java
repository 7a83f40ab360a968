package org.rishe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small batch files for tests, exactly as given (BOM, CRLF and all). */
final class TestBatches {
  private TestBatches() {}

  static Path write(Path folder, String fileName, String content) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(fileName);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeBytes(Path folder, String fileName, byte[] content) {
    try {
      Files.createDirectories(folder);
      return Files.write(folder.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a sheet, written as comma-separated lines: a cell that reads as a whole or decimal
   * number becomes a number cell, {@code true}/{@code false} a boolean cell, {@code YYYY-MM-DD} a
   * date cell, an empty cell no cell, and an empty line a blank row.
   */
  static List<List<Object>> cells(String... lines) {
    List<List<Object>> rows = new ArrayList<>();
    for (String line : lines) {
      List<Object> row = new ArrayList<>();
      for (String cell : line.isEmpty() ? new String[0] : line.split(",", -1)) {
        if (cell.isEmpty()) {
          row.add(null);
        } else if (cell.matches("-?\\d+(\\.\\d+)?")) {
          row.add(Double.parseDouble(cell));
        } else if (cell.equals("true") || cell.equals("false")) {
          row.add(Boolean.parseBoolean(cell));
        } else if (cell.matches("\\d{4}-\\d{2}-\\d{2}")) {
          row.add(LocalDate.parse(cell));
        } else {
          row.add(cell);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Writes an Excel workbook, a sheet per entry in the map's order: each list is a row from row 1
   * on (an empty list leaves the row blank), each value a cell from column A on (null leaves it
   * out); a LocalDate is a date cell shown as {@code yyyy/m/d}, as Persian Excel shows dates.
   */
  static Path writeWorkbook(Path folder, String fileName, Map<String, List<List<Object>>> sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
      for (Map.Entry<String, List<List<Object>>> entry : sheets.entrySet()) {
        Sheet sheet = workbook.createSheet(entry.getKey());
        for (int r = 0; r < entry.getValue().size(); r++) {
          Row row = sheet.createRow(r);
          List<Object> cells = entry.getValue().get(r);
          for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            Cell cell = value == null ? null : row.createCell(c);
            if (value instanceof LocalDate day) {
              cell.setCellValue(day);
              cell.setCellStyle(date);
            } else if (value instanceof Number number) {
              cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
              cell.setCellValue(bool);
            } else if (value != null) {
              cell.setCellValue(value.toString());
            }
          }
        }
      }
      Files.createDirectories(folder);
      Path file = folder.resolve(fileName);
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file or folder of the repository's {@code data-samples}, found from the working directory up.
   */
  static Path dataSample(String name) {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path sample = folder.resolve("data-samples").resolve(name);
      if (Files.exists(sample)) {
        return sample;
      }
    }
    throw new IllegalStateException("no data-samples/" + name + " above the working directory");
  }

  /** The report's line of a file (or sheet). */
  static org.rishe.ingest.report.FileReport file(
      org.rishe.ingest.report.IngestReport report, String name) {
    return report.files().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Ingests a batch folder of UTF-8 files with Gregorian dates into a warehouse, on the shared test
   * Spark session, under a fixed all-zero pseudonym key.
   */
  static org.rishe.ingest.report.IngestReport ingest(Path warehouse, Path batch) {
    return new IngestJob(
            org.rishe.spark.TestSparkSessions.shared(),
            new org.rishe.common.warehouse.WarehouseLayout(warehouse.toString()),
            new org.rishe.common.privacy.Pseudonymizer(new byte[32]),
            line -> {})
        .run(batch.toString(), org.rishe.common.contract.DateParser.BatchCalendar.GREGORIAN);
  }
}
