package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Reason;

class XlsxBatchFileReaderTest {
  @TempDir Path temporary;

  /** A workbook written by POI's in-memory model, as Excel writes one (shared strings). */
  private static byte[] workbook(Consumer<Workbook> fill) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      fill.accept(workbook);
      return bytes(workbook);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Workbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }

  /** Sets the cells of a row, from column A on; a null leaves the cell out. */
  private static Row row(Sheet sheet, int index, Object... cells) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < cells.length; i++) {
      Object value = cells[i];
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof String text) {
        cell.setCellValue(text);
      } else if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (value instanceof Boolean bool) {
        cell.setCellValue(bool);
      } else {
        throw new IllegalArgumentException("no cell for " + value);
      }
    }
    return row;
  }

  private static CellStyle format(Workbook workbook, String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.createDataFormat().getFormat(format));
    return style;
  }

  private Path save(String name, byte[] content) {
    try {
      return Files.write(temporary.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream in(byte[] content) {
    return new ByteArrayInputStream(content);
  }

  private static List<SourceRow> rows(BatchFileReader reader) {
    List<SourceRow> rows = new ArrayList<>();
    for (Optional<SourceRow> next = reader.next(); next.isPresent(); next = reader.next()) {
      rows.add(next.get());
    }
    return rows;
  }

  private static Map<String, String> values(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  @Test
  void numbersDatesBooleansAndPersianTextReadAsACsvExportWouldHoldThem() throws IOException {
    byte[] content =
        workbook(
            book -> {
              Sheet sheet = book.createSheet("families");
              row(sheet, 0, "family_id", "household_size", "monthly_income", "registered_on");
              row(sheet, 1, 12, 4, 12.5, null)
                  .createCell(3)
                  .setCellValue(LocalDate.of(2024, 1, 10));
              sheet.getRow(1).getCell(3).setCellStyle(format(book, "yyyy-mm-dd"));
              row(sheet, 2, 123456789012345L, 3, 1234567.25, null)
                  .createCell(3)
                  .setCellValue(LocalDate.of(2024, 2, 1));
              // a date shown the Persian-Excel way is still read as ISO
              sheet.getRow(2).getCell(3).setCellStyle(format(book, "d/m/yyyy"));
              Row third = row(sheet, 3, "F-3", 1, 0.1, "زهرا احمدی");
              Cell at = third.createCell(4);
              at.setCellValue(LocalDateTime.of(2024, 3, 2, 10, 30));
              at.setCellStyle(format(book, "yyyy-mm-dd hh:mm"));
              Cell zeros = third.createCell(5);
              zeros.setCellValue(123);
              zeros.setCellStyle(format(book, "00000"));
              third.createCell(6).setCellValue(true);
              third.createCell(7).setCellValue(false);
              sheet.getRow(0).createCell(4).setCellValue("at");
              sheet.getRow(0).createCell(5).setCellValue("code");
              sheet.getRow(0).createCell(6).setCellValue("yes");
              sheet.getRow(0).createCell(7).setCellValue("no");
            });

    try (BatchFileReader reader = BatchFileReader.open("families.xlsx", in(content))) {
      assertThat(reader.columns())
          .containsExactly(
              "family_id",
              "household_size",
              "monthly_income",
              "registered_on",
              "at",
              "code",
              "yes",
              "no");
      List<SourceRow> rows = rows(reader);
      assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 4L);
      assertThat(rows.get(0).values())
          .containsEntry("family_id", "12")
          .containsEntry("household_size", "4")
          .containsEntry("monthly_income", "12.5")
          .containsEntry("registered_on", "2024-01-10")
          .containsEntry("at", null);
      assertThat(rows.get(1).values())
          .containsEntry("family_id", "123456789012345")
          .containsEntry("monthly_income", "1234567.25")
          .containsEntry("registered_on", "2024-02-01");
      assertThat(rows.get(2).values())
          .containsEntry("family_id", "F-3")
          .containsEntry("monthly_income", "0.1")
          .containsEntry("registered_on", "زهرا احمدی")
          .containsEntry("at", "2024-03-02T10:30:00")
          .containsEntry("code", "00123")
          .containsEntry("yes", "true")
          .containsEntry("no", "false");
    }
  }

  @Test
  void sparseRowsFillTheirGapsAndEmptyRowsAreNotRows() {
    byte[] content =
        workbook(
            book -> {
              Sheet sheet = book.createSheet("people");
              // the header is on row 2: row 1 is blank
              row(sheet, 1, "person_id", "family_id", "sex", "relation");
              row(sheet, 2, "P1", null, null, "child");
              sheet.createRow(3); // an empty row between records
              row(sheet, 4, null, "F1", "", null);
              // trailing rows that hold only formatting, as Excel leaves them
              CellStyle bold = book.createCellStyle();
              for (int i = 5; i < 9; i++) {
                sheet.createRow(i).createCell(2).setCellStyle(bold);
              }
            });

    try (BatchFileReader reader = BatchFileReader.open("people.xlsx", in(content))) {
      List<SourceRow> rows = rows(reader);

      assertThat(rows).extracting(SourceRow::line).containsExactly(3L, 5L);
      assertThat(rows.get(0).values())
          .isEqualTo(
              values("person_id", "P1", "family_id", null, "sex", null, "relation", "child"));
      assertThat(rows.get(1).values())
          .isEqualTo(values("person_id", null, "family_id", "F1", "sex", null, "relation", null));
      assertThat(rows).allMatch(row -> row.unreadableReason().isEmpty());
    }
  }

  @Test
  void aFormulaReadsAsItsCachedValue() {
    byte[] content =
        workbook(
            book -> {
              Sheet sheet = book.createSheet("families");
              row(sheet, 0, "family_id", "household_size", "region", "monthly_income");
              Row data = row(sheet, 1, "F1");
              data.createCell(1).setCellFormula("2+3");
              data.createCell(2).setCellFormula("\"R\"&\"01\"");
              data.createCell(3).setCellFormula("0.1+0.2");
              book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            });

    try (BatchFileReader reader = BatchFileReader.open("families.xlsx", in(content))) {
      assertThat(reader.next().orElseThrow().values())
          .isEqualTo(
              values(
                  "family_id",
                  "F1",
                  "household_size",
                  "5",
                  "region",
                  "R01",
                  "monthly_income",
                  "0.3"));
    }
  }

  @Test
  void inlineStringsAsStreamingWritersWriteThemAreRead() throws IOException {
    byte[] content;
    try (SXSSFWorkbook book = new SXSSFWorkbook()) {
      Sheet sheet = book.createSheet("people");
      row(sheet, 0, "person_id", "region");
      row(sheet, 1, "P1", "تهران");
      content = bytes(book);
      book.dispose();
    }

    try (BatchFileReader reader = BatchFileReader.open("people.xlsx", in(content))) {
      assertThat(reader.next().orElseThrow().values())
          .isEqualTo(values("person_id", "P1", "region", "تهران"));
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void aHeaderOnlySheetHasColumnsAndNoRowsAndTrailingEmptyHeaderCellsAreNoColumns() {
    byte[] content =
        workbook(
            book -> {
              Sheet sheet = book.createSheet("families");
              row(sheet, 0, "family_id", "region", "", "  ");
            });

    try (BatchFileReader reader = BatchFileReader.open("families.xlsx", in(content))) {
      assertThat(reader.columns()).containsExactly("family_id", "region");
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void anEmptySheetOrABadHeaderFailsNamingTheFileAndTheFix() {
    byte[] empty = workbook(book -> book.createSheet("families"));
    byte[] gap = workbook(book -> row(book.createSheet("families"), 0, "family_id", "", "region"));
    byte[] twice =
        workbook(book -> row(book.createSheet("families"), 0, "family_id", "region", "region"));

    assertThatThrownBy(() -> BatchFileReader.open("families.xlsx", in(empty)))
        .isInstanceOf(BatchFileException.class)
        .hasMessageStartingWith("families.xlsx: the sheet is empty; a batch sheet needs a header");
    assertThatThrownBy(() -> BatchFileReader.open("families.xlsx", in(gap)))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(
            "families.xlsx: the header row has an empty column name in column B; name every"
                + " column");
    assertThatThrownBy(() -> BatchFileReader.open("families.xlsx", in(twice)))
        .isInstanceOf(BatchFileException.class)
        .hasMessage("families.xlsx: the header names column 'region' twice; keep one");
  }

  @Test
  void personalColumnsAreDroppedAndAValueBeyondTheHeaderRejectsItsRow() {
    byte[] content =
        workbook(
            book -> {
              Sheet sheet = book.createSheet("people");
              row(sheet, 0, "person_id", "Full_Name", "sex");
              row(sheet, 1, "P1", "Sara", "female");
              row(sheet, 2, "P2", "Ali", "male", null, "stray");
            });

    try (BatchFileReader reader = BatchFileReader.open("people.xlsx", in(content))) {
      List<SourceRow> rows = rows(reader);

      assertThat(rows.get(0).values()).isEqualTo(values("person_id", "P1", "sex", "female"));
      assertThat(reader.droppedPersonalColumns()).containsExactly("Full_Name");
      assertThat(rows.get(1).line()).isEqualTo(3);
      assertThat(rows.get(1).values()).isEmpty();
      assertThat(rows.get(1).unreadableReason().orElseThrow().reason())
          .isEqualTo(Reason.WRONG_COLUMN_COUNT);
      assertThat(rows.get(1).unreadableReason().orElseThrow().message())
          .isEqualTo("cell E3 holds a value but the header has 3 columns");
    }
  }

  @Test
  void anExcelErrorInAContractColumnRejectsItsRowAndElsewhereReadsAsEmpty() {
    byte[] content =
        workbook(
            book -> {
              Sheet sheet = book.createSheet("families");
              row(sheet, 0, "family_id", "monthly_income", "helper");
              row(sheet, 1, "F1", 100).createCell(2).setCellErrorValue(FormulaError.NA.getCode());
              row(sheet, 2, "F2").createCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
            });

    try (BatchFileReader reader = BatchFileReader.open("families.xlsx", in(content))) {
      List<SourceRow> rows = rows(reader);

      assertThat(rows.get(0).values())
          .isEqualTo(values("family_id", "F1", "monthly_income", "100", "helper", null));
      assertThat(rows.get(1).unreadableReason().orElseThrow().reason())
          .isEqualTo(Reason.MALFORMED_RECORD);
      assertThat(rows.get(1).unreadableReason().orElseThrow().message())
          .isEqualTo(
              "cell B3 (monthly_income) holds the Excel error #DIV/0!; correct its formula or"
                  + " value");
    }
  }

  @Test
  void aSheetOfABatchWorkbookIsReadByNameAndNamedAsFileAndSheet() {
    byte[] content =
        workbook(
            book -> {
              row(book.createSheet("Notes"), 0, "anything");
              row(book.createSheet("families"), 0, "family_id");
              Sheet people = book.createSheet("people");
              row(people, 0, "person_id", "person_id");
            });

    assertThat(BatchFileReader.sheetNames("batch.xlsx", in(content)))
        .containsExactly("Notes", "families", "people");
    try (BatchFileReader reader =
        BatchFileReader.openSheet("batch.xlsx", "families", in(content))) {
      assertThat(reader.columns()).containsExactly("family_id");
    }
    assertThatThrownBy(() -> BatchFileReader.openSheet("batch.xlsx", "people", in(content)))
        .isInstanceOf(BatchFileException.class)
        .hasMessage("batch.xlsx#people: the header names column 'person_id' twice; keep one");
    assertThatThrownBy(() -> BatchFileReader.openSheet("batch.xlsx", "cases", in(content)))
        .isInstanceOf(BatchFileException.class)
        .hasMessage("batch.xlsx#cases: no such sheet in the workbook");
  }

  @Test
  void aFileThatIsNoWorkbookFailsNamingTheFileWithoutAStackTraceInTheMessage() {
    byte[] good = workbook(book -> row(book.createSheet("families"), 0, "family_id"));
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    byte[] text = "family_id\nF1\n".getBytes(StandardCharsets.UTF_8);
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0, 0};

    for (byte[] content : List.of(truncated, text, new byte[0])) {
      assertThatThrownBy(() -> BatchFileReader.open("families.xlsx", in(content)))
          .isInstanceOf(BatchFileException.class)
          .hasMessage(
              "families.xlsx: not a readable Excel workbook (not an .xlsx file, or damaged); open"
                  + " it in Excel and save it as Excel Workbook (.xlsx), or as CSV UTF-8");
    }
    assertThatThrownBy(() -> BatchFileReader.open("families.xlsx", in(ole2)))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(
            "families.xlsx: this is an old binary Excel file (.xls) or a password-protected"
                + " workbook; remove any password and save it as Excel Workbook (.xlsx) or CSV"
                + " UTF-8");
    assertThatThrownBy(() -> BatchFileReader.open("families.xls", in(ole2)))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(
            "families.xls: old binary Excel files (.xls) are not read; open it in Excel and save"
                + " it as Excel Workbook (.xlsx) or CSV UTF-8");
    assertThatThrownBy(() -> BatchFileReader.sheetNames("batch.xlsx", in(text)))
        .isInstanceOf(BatchFileException.class)
        .hasMessageStartingWith("batch.xlsx: not a readable Excel workbook");
  }

  @Test
  void aWorkbookSavedToDiskReadsTheSameThroughAFileStream() throws IOException {
    Path file =
        save(
            "people.xlsx",
            workbook(
                book -> {
                  Sheet sheet = book.createSheet("people");
                  row(sheet, 0, "person_id", "birth_year");
                  row(sheet, 1, "P1", 2012);
                }));

    try (InputStream stream = Files.newInputStream(file);
        BatchFileReader reader = BatchFileReader.open("people.xlsx", stream)) {
      assertThat(reader.next().orElseThrow().values())
          .isEqualTo(values("person_id", "P1", "birth_year", "2012"));
    }
  }
}
