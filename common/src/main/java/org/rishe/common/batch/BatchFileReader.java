package org.rishe.common.batch;

import java.io.Closeable;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.FieldType;

/**
 * Reads the records of one batch file, CSV, JSON Lines or an Excel sheet, as {@link SourceRow}s.
 * Personal identifier columns, and the columns the file's entity drops ({@link
 * Entity#droppedColumns()}, such as the free-text {@code note} of {@code aid_events}), are dropped
 * here, before a value can reach any table, log or quarantine. Text that is not valid in the
 * batch's encoding (UTF-8 unless {@link BatchEncoding} says otherwise) fails the whole file with a
 * {@link BatchFileException}.
 */
public interface BatchFileReader extends Closeable {

  /**
   * Column names found in the file (for JSON Lines: every key seen so far), personal ones included.
   */
  List<String> columns();

  /** Personal columns (identifiers and the entity's dropped columns) seen and dropped so far. */
  Set<String> droppedPersonalColumns();

  /** The next record, or empty at end of file. */
  Optional<SourceRow> next();

  @Override
  void close();

  /**
   * The reader for a file name ending in {@code .csv}, {@code .jsonl} or {@code .xlsx} (its first
   * sheet). The entity, and so the columns dropped besides the personal identifiers, is the file's
   * {@link #baseName(String)}.
   */
  static BatchFileReader open(String fileName, InputStream input) {
    return open(fileName, input, BatchEncoding.UTF_8);
  }

  /**
   * The reader for a file in the given encoding; text not valid in it fails the file. An {@code
   * .xlsx} workbook stores its text as Unicode whatever the encoding given.
   */
  static BatchFileReader open(String fileName, InputStream input, BatchEncoding encoding) {
    String entity = baseName(fileName);
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      return new XlsxBatchFileReader(fileName, null, input, drops(entity), checks(entity));
    }
    if (lower.endsWith(".xls")) {
      throw new BatchFileException(oldExcelMessage(fileName));
    }
    Reader reader = encoding.reader(input);
    if (lower.endsWith(".csv")) {
      return new CsvBatchFileReader(fileName, reader, drops(entity));
    }
    if (lower.endsWith(".jsonl")) {
      return new JsonLinesBatchFileReader(fileName, reader, 1, drops(entity), structured(entity));
    }
    throw new BatchFileException(
        fileName + ": unknown format; name batch files NAME.csv, NAME.jsonl or NAME.xlsx");
  }

  /**
   * The reader of a part of a {@code .csv} or {@code .jsonl} file that starts at a record boundary,
   * on line {@code firstLine} of the file: its records carry the lines, and fail the file with the
   * messages, that a read of the whole file gives them. A CSV part after the header is read with
   * {@code header}, the file's bytes from its start through the header's line end; the part that
   * starts the file is read whole, as by {@link #open(String, InputStream, BatchEncoding)}.
   */
  static BatchFileReader openPart(
      String fileName,
      InputStream header,
      InputStream part,
      long firstLine,
      BatchEncoding encoding) {
    String entity = baseName(fileName);
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return new CsvBatchFileReader(
          fileName, encoding.reader(header), encoding.reader(part), firstLine, drops(entity));
    }
    if (lower.endsWith(".jsonl")) {
      return new JsonLinesBatchFileReader(
          fileName, encoding.reader(part), firstLine, drops(entity), structured(entity));
    }
    throw new IllegalArgumentException(fileName + " is neither .csv nor .jsonl");
  }

  /**
   * The reader for one sheet of a workbook that holds several entities, a sheet each: the sheet's
   * name is the entity. Messages name the rows' source {@link #sheetSource(String, String)}.
   */
  static BatchFileReader openSheet(String fileName, String sheet, InputStream input) {
    return new XlsxBatchFileReader(
        sheetSource(fileName, sheet), sheet, input, drops(sheet), checks(sheet));
  }

  /**
   * The reader of a KoboToolbox or ODK export through one target of its mapping: the export's CSV
   * file (in the batch's encoding, cells split by the mapping's {@code csv_delimiter}) or its XLSX
   * sheet (the target's, else the first). Only the fields the mapping names are kept. When the
   * export is a repeat group's (its rows hold {@code _parent_index} or {@code PARENT_KEY}), the
   * export of the rows they belong to is read first, its keys only, to join each row to its
   * submission (see {@link RepeatParents}).
   *
   * @param source the export, or {@code export#sheet}, as messages name it
   * @param openFile opens a file of the batch folder by name (the parent export of a repeat group);
   *     throws {@link BatchFileException} when there is none
   */
  static BatchFileReader openKobo(
      KoboMapping mapping,
      KoboMapping.Target target,
      String source,
      InputStream input,
      BatchEncoding encoding,
      java.util.function.Function<String, InputStream> openFile) {
    return KoboBatchFileReader.open(
        mapping, target, source, input, encoding, openFile, RepeatParents.KeyBudget.DEFAULT);
  }

  /**
   * The names of an {@code .xlsx} workbook's sheets, in workbook order; a file that is no readable
   * workbook fails with a {@link BatchFileException}.
   */
  static List<String> sheetNames(String fileName, InputStream input) {
    return XlsxBatchFileReader.sheetNames(fileName, input);
  }

  /**
   * How a sheet is named as a source of rows, in reports and quarantine: {@code batch.xlsx#people}.
   */
  static String sheetSource(String fileName, String sheet) {
    return fileName + "#" + sheet;
  }

  /** Whether a file name is one a batch may hold. */
  static boolean isBatchFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".jsonl") || isWorkbookName(fileName);
  }

  /** Whether a file name is an Excel workbook's ({@code .xlsx}). */
  static boolean isWorkbookName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  /**
   * Whether a file name is an old binary Excel file's ({@code .xls}), which Rishe does not read:
   * its format is closed and unlike the zipped XML of {@code .xlsx}.
   */
  static boolean isOldExcelName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".xls");
  }

  /** What to do with an old binary Excel file ({@code .xls}). */
  static String oldExcelMessage(String fileName) {
    return fileName
        + ": old binary Excel files (.xls) are not read; open it in Excel and save it as Excel"
        + " Workbook (.xlsx) or CSV UTF-8";
  }

  /** The columns dropped from an entity's rows: personal identifiers and the entity's own. */
  private static Predicate<String> drops(String entityName) {
    Optional<Entity> entity = Entity.fromFileName(entityName);
    return entity.isPresent() ? entity.get()::dropsColumn : Entity::isPersonalIdentifier;
  }

  /**
   * The columns whose JSON Lines value may be an object, kept as its JSON text: a region's GeoJSON
   * {@code geometry}, which a JSON export writes as an object rather than as escaped text.
   */
  private static Predicate<String> structured(String entityName) {
    Optional<Entity> entity = Entity.fromFileName(entityName);
    return column ->
        entity.flatMap(e -> e.field(column)).map(f -> f.type() == FieldType.GEOMETRY).orElse(false);
  }

  /** The columns the entity's contract checks (all columns for a name that is no entity). */
  private static Predicate<String> checks(String entityName) {
    Optional<Entity> entity = Entity.fromFileName(entityName);
    return entity.isPresent()
        ? column -> entity.get().field(column).isPresent() || column.equals(Entity.DELETED_AT)
        : column -> true;
  }

  /** The entity name of a batch file: its name without extension. */
  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }
}
