package org.rishe.common.batch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.rishe.common.contract.Reason;
import org.rishe.common.contract.RowResult;

/**
 * Reads one sheet of an Excel workbook (.xlsx) as a batch file: the first row with a value is the
 * header, every later row with a value is a record, numbered by its spreadsheet row.
 *
 * <p>The sheet's XML is pulled one element at a time (StAX) instead of being loaded as a workbook,
 * so memory holds the zipped file, its shared strings and one row, whatever the number of rows;
 * pulling rather than POI's push-style {@code XSSFSheetXMLHandler} fits {@link #next()} without a
 * second thread. The zipped bytes are kept in memory rather than copied to a temporary file, so no
 * copy of a file holding personal columns is left on disk if the ingest is killed.
 *
 * <p>Cells become the text a CSV export of the sheet should have held: the cached value of a
 * formula, numbers in plain notation without a trailing {@code .0}, dates in ISO form, booleans as
 * {@code true}/{@code false}.
 */
final class XlsxBatchFileReader implements BatchFileReader {
  /** Larger workbooks are refused: the zipped file is held in memory while it is read. */
  static final int MAX_BYTES = 256 * 1024 * 1024;

  /** Excel shows at most 15 significant digits; the 16th and 17th are binary noise. */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final String source;
  private final Predicate<String> checked;
  private final Workbook workbook;
  private final XMLStreamReader xml;
  private final BatchHeader header;
  private long lastRow;

  /**
   * @param source the name used in messages: the file, or {@code file#sheet}
   * @param sheet the sheet to read, or null for the first
   * @param drops the columns dropped as personal
   * @param checked the columns the entity's contract checks: an Excel error (such as {@code
   *     #DIV/0!}) there rejects the row, elsewhere it reads as empty
   */
  XlsxBatchFileReader(
      String source,
      String sheet,
      InputStream input,
      Predicate<String> drops,
      Predicate<String> checked) {
    this.source = source;
    this.checked = checked;
    this.workbook = Workbook.open(source, input);
    try {
      this.xml = workbook.sheet(sheet);
      Optional<Row> first = readRow();
      if (first.isEmpty()) {
        throw new BatchFileException(
            source
                + ": the sheet is empty; a batch sheet needs a header row naming its columns in"
                + " its first row");
      }
      List<String> cells = first.get().cells();
      int width = cells.size();
      while (width > 0 && cells.get(width - 1).isBlank()) {
        width--; // cells past the last name, formatted but empty, are no columns
      }
      this.header =
          new BatchHeader(
              source,
              cells.subList(0, width),
              column -> " in column " + CellReference.convertNumToColString(column),
              drops);
    } catch (RuntimeException e) {
      workbook.close();
      throw e;
    }
  }

  /** The names of a workbook's sheets, in workbook order. */
  static List<String> sheetNames(String fileName, InputStream input) {
    try (Workbook workbook = Workbook.open(fileName, input)) {
      return workbook.sheetNames();
    }
  }

  /** The name of the sheet read (the first sheet's, when none was named). */
  String sheetName() {
    return workbook.sheetName;
  }

  @Override
  public List<String> columns() {
    return header.names();
  }

  @Override
  public Set<String> droppedPersonalColumns() {
    return header.dropped();
  }

  @Override
  public Optional<SourceRow> next() {
    Optional<Row> next = readRow();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    Row row = next.get();
    for (int i = header.size(); i < row.cells().size(); i++) {
      if (!row.cells().get(i).isEmpty()) {
        // as for a long CSV row, the cell cannot be matched to a column, so none is kept
        return rejected(
            row,
            Reason.WRONG_COLUMN_COUNT,
            null,
            cellName(i, row) + " holds a value but the header has " + header.size() + " columns");
      }
    }
    for (Map.Entry<Integer, String> error : row.errors().entrySet()) {
      int i = error.getKey();
      if (i < header.size() && !header.personal(i) && checked.test(header.names().get(i))) {
        String name = header.names().get(i);
        return rejected(
            row,
            Reason.MALFORMED_RECORD,
            name,
            cellName(i, row)
                + " ("
                + name
                + ") holds the Excel error "
                + error.getValue()
                + "; correct its formula or value");
      }
    }
    List<String> cells = row.cells();
    return Optional.of(
        new SourceRow(
            row.number(), header.values(i -> i < cells.size() ? cells.get(i) : ""), null));
  }

  private static Optional<SourceRow> rejected(
      Row row, Reason reason, String field, String message) {
    return Optional.of(
        new SourceRow(row.number(), Map.of(), new RowResult.Rejected(reason, field, message)));
  }

  /** A cell's name in Excel's terms, such as {@code cell E3}. */
  private static String cellName(int column, Row row) {
    return "cell " + CellReference.convertNumToColString(column) + row.number();
  }

  /** One spreadsheet row: its number, its cells' text by column, and its error cells. */
  private record Row(long number, List<String> cells, Map<Integer, String> errors) {}

  /** The next row that holds a value, or empty at the end of the sheet. */
  private Optional<Row> readRow() {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          String r = xml.getAttributeValue(null, "r");
          lastRow = r == null ? lastRow + 1 : Long.parseLong(r);
          Row row = readCells(lastRow);
          if (row.cells().stream().anyMatch(cell -> !cell.isEmpty()) || !row.errors().isEmpty()) {
            return Optional.of(row);
          }
        }
      }
      return Optional.empty();
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof BatchFileException failure) {
        throw failure;
      }
      throw new BatchFileException(
          source
              + ": the sheet is damaged after row "
              + lastRow
              + "; open the workbook in Excel and save it again as Excel Workbook (.xlsx), or as"
              + " CSV UTF-8",
          e);
    }
  }

  /** Reads the cells of the {@code <row>} element the parser is on, up to its end. */
  private Row readCells(long number) throws XMLStreamException {
    List<String> cells = new ArrayList<>();
    Map<Integer, String> errors = new LinkedHashMap<>();
    int column = -1;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
        continue;
      }
      String reference = xml.getAttributeValue(null, "r");
      column = reference == null ? column + 1 : new CellReference(reference).getCol();
      String type = xml.getAttributeValue(null, "t");
      String style = xml.getAttributeValue(null, "s");
      String value = readCellValue();
      while (cells.size() < column) {
        cells.add("");
      }
      if ("e".equals(type) && value != null) {
        errors.put(column, value);
        cells.add("");
      } else {
        cells.add(value == null ? "" : text(type, style, value));
      }
    }
    return new Row(number, cells, errors);
  }

  /**
   * The raw text of the {@code <c>} element the parser is on: its {@code <v>} (a formula's cached
   * value), or its inline string without phonetic runs; null when it holds neither.
   */
  private String readCellValue() throws XMLStreamException {
    StringBuilder text = null;
    boolean phonetic = false;
    boolean collecting = false;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("rPh")) {
          phonetic = true;
        } else if ((name.equals("v") || name.equals("t")) && !phonetic) {
          collecting = true;
          text = text == null ? new StringBuilder() : text;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("c")) {
          break;
        } else if (name.equals("rPh")) {
          phonetic = false;
        } else if (name.equals("v") || name.equals("t")) {
          collecting = false;
        }
      } else if (collecting
          && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        text.append(xml.getText());
      }
    }
    return text == null ? null : text.toString();
  }

  /** A cell's value as text, by its type ({@code t}) and number format (style {@code s}). */
  private String text(String type, String style, String value) {
    if (type == null || type.equals("n")) {
      return number(style, value);
    }
    return switch (type) {
      case "s" -> workbook.sharedString(Integer.parseInt(value.trim()));
      case "b" ->
          value.trim().equals("1") || value.trim().equalsIgnoreCase("true") ? "true" : "false";
      default -> value; // inlineStr, str (a formula's text), d (an ISO date in strict OOXML)
    };
  }

  private String number(String style, String value) {
    BigDecimal number = new BigDecimal(value.trim());
    XSSFCellStyle cellStyle = workbook.style(style);
    if (cellStyle != null) {
      int formatIndex = cellStyle.getDataFormat();
      String format = cellStyle.getDataFormatString();
      double serial = number.doubleValue();
      if (format != null
          && DateUtil.isADateFormat(formatIndex, format)
          && DateUtil.isValidExcelDate(serial)) {
        return dateText(serial, format);
      }
      if (format != null && format.matches("0+") && number.stripTrailingZeros().scale() <= 0) {
        // a whole number shown with leading zeros (format 00000) is an id such as 00123
        String digits = number.toBigInteger().toString();
        return "0".repeat(Math.max(0, format.length() - digits.length())) + digits;
      }
    }
    return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
  }

  /**
   * A date-formatted number as ISO text: a date, a local date-time when the format shows a time of
   * day too, or a time when it shows only that.
   */
  private String dateText(double serial, String format) {
    String shown =
        format
            .replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\\\.", "")
            .toLowerCase(Locale.ROOT);
    boolean time = shown.contains("h") || shown.contains("s");
    boolean date = shown.contains("y") || shown.contains("d") || !time;
    LocalDateTime at = DateUtil.getLocalDateTime(serial, workbook.date1904(), true);
    if (date && time) {
      return at.format(DATE_TIME);
    }
    return date ? at.format(DATE) : at.format(TIME);
  }

  @Override
  public void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // nothing of the sheet is read after close; the workbook below is closed all the same
    } finally {
      workbook.close();
    }
  }

  /** An open workbook: its package, shared strings, styles and date system. */
  private static final class Workbook implements AutoCloseable {
    private final String fileName;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private ReadOnlySharedStringsTable strings;
    private StylesTable styles;
    private boolean date1904;
    private InputStream sheetData;
    private String sheetName;

    private Workbook(String fileName, OPCPackage pkg, XSSFReader reader) {
      this.fileName = fileName;
      this.pkg = pkg;
      this.reader = reader;
    }

    static Workbook open(String fileName, InputStream input) {
      byte[] bytes;
      try {
        bytes = input.readNBytes(MAX_BYTES + 1);
      } catch (IOException e) {
        throw new BatchFileException(fileName + ": cannot be read: " + e.getMessage(), e);
      }
      if (bytes.length > MAX_BYTES) {
        throw new BatchFileException(
            fileName
                + ": the workbook is larger than "
                + MAX_BYTES / (1024 * 1024)
                + " MB; save its sheets as CSV UTF-8 files instead");
      }
      if (bytes.length >= 4
          && (bytes[0] & 0xFF) == 0xD0
          && (bytes[1] & 0xFF) == 0xCF
          && (bytes[2] & 0xFF) == 0x11
          && (bytes[3] & 0xFF) == 0xE0) {
        throw new BatchFileException(
            fileName
                + ": this is an old binary Excel file (.xls) or a password-protected workbook;"
                + " remove any password and save it as Excel Workbook (.xlsx) or CSV UTF-8");
      }
      OPCPackage pkg = null;
      try {
        ZipFile zip =
            ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        pkg = OPCPackage.open(new org.apache.poi.openxml4j.util.ZipFileZipEntrySource(zip));
        return new Workbook(fileName, pkg, new XSSFReader(pkg, true));
      } catch (Exception e) {
        if (pkg != null) {
          pkg.revert();
        }
        throw new BatchFileException(
            fileName
                + ": not a readable Excel workbook (not an .xlsx file, or damaged); open it in"
                + " Excel and save it as Excel Workbook (.xlsx), or as CSV UTF-8",
            e);
      }
    }

    List<String> sheetNames() {
      List<String> names = new ArrayList<>();
      try {
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
          sheets.next().close();
          names.add(sheets.getSheetName());
        }
        return names;
      } catch (Exception e) {
        throw damaged(e);
      }
    }

    /** Opens a sheet (the first when {@code name} is null) with the parts needed to read it. */
    XMLStreamReader sheet(String name) {
      try {
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
          InputStream data = sheets.next();
          if (name == null || name.equals(sheets.getSheetName())) {
            sheetData = data;
            sheetName = sheets.getSheetName();
            strings = new ReadOnlySharedStringsTable(pkg, false);
            styles = reader.getStylesTable();
            date1904 = readDate1904();
            return XMLHelper.newXMLInputFactory().createXMLStreamReader(data);
          }
          data.close();
        }
      } catch (Exception e) {
        throw damaged(e);
      }
      throw new BatchFileException(
          fileName
              + (name == null ? ": the workbook has no sheet" : ": no such sheet in the workbook"));
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
    private boolean readDate1904() throws Exception {
      try (InputStream data = reader.getWorkbookData()) {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(data);
        try {
          while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
              if (xml.getLocalName().equals("workbookPr")) {
                String value = xml.getAttributeValue(null, "date1904");
                return "1".equals(value) || "true".equalsIgnoreCase(value);
              }
              if (xml.getLocalName().equals("sheets")) {
                return false;
              }
            }
          }
          return false;
        } finally {
          xml.close();
        }
      }
    }

    String sharedString(int index) {
      return strings.getItemAt(index).getString();
    }

    XSSFCellStyle style(String index) {
      if (styles == null || index == null) {
        return null;
      }
      int i = Integer.parseInt(index.trim());
      return i < styles.getNumCellStyles() ? styles.getStyleAt(i) : null;
    }

    boolean date1904() {
      return date1904;
    }

    private BatchFileException damaged(Exception e) {
      return new BatchFileException(
          fileName
              + ": the workbook is damaged; open it in Excel and save it again as Excel Workbook"
              + " (.xlsx), or as CSV UTF-8",
          e);
    }

    @Override
    public void close() {
      try {
        if (sheetData != null) {
          sheetData.close();
        }
      } catch (IOException e) {
        // the package below is closed all the same
      } finally {
        pkg.revert();
      }
    }
  }
}
