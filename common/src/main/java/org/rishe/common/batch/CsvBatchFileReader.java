package org.rishe.common.batch;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rishe.common.contract.Reason;
import org.rishe.common.contract.RowResult;
import org.rishe.common.csv.CsvFormatException;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

/** Reads a CSV batch file: header row required, a row with too few or too many cells rejected. */
final class CsvBatchFileReader implements BatchFileReader {
  private final String fileName;
  private final CsvReader csv;
  private final BatchHeader header;

  CsvBatchFileReader(String fileName, Reader reader, Predicate<String> drops) {
    this(fileName, reader, drops, ',');
  }

  CsvBatchFileReader(String fileName, Reader reader, Predicate<String> drops, char delimiter) {
    this.fileName = fileName;
    this.csv = new CsvReader(reader, delimiter);
    this.header = header(fileName, csv, drops);
  }

  /**
   * A reader of the records of a part of a file that starts at a record boundary after the header:
   * the header is read from {@code headerText} (the file's start, through the header's line end),
   * the records from {@code records}, whose first character is on line {@code firstLine} of the
   * file, so that every record carries the line a read of the whole file gives it.
   */
  CsvBatchFileReader(
      String fileName, Reader headerText, Reader records, long firstLine, Predicate<String> drops) {
    this.fileName = fileName;
    try (CsvReader headerReader = new CsvReader(headerText)) {
      this.header = header(fileName, headerReader, drops);
    }
    this.csv = new CsvReader(records, ',', firstLine, false);
  }

  private static BatchHeader header(String fileName, CsvReader csv, Predicate<String> drops) {
    Optional<CsvRecord> first = read(fileName, csv);
    if (first.isEmpty()) {
      throw new BatchFileException(
          fileName + ": the file is empty; a CSV batch file needs a header row naming its columns");
    }
    return new BatchHeader(fileName, first.get().cells(), column -> "", drops);
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
    Optional<CsvRecord> next = read(fileName, csv);
    if (next.isEmpty()) {
      return Optional.empty();
    }
    CsvRecord record = next.get();
    if (record.size() != header.size()) {
      // cells cannot be matched to columns, so none is kept: one of them may be personal
      String message = "row has " + record.size() + " cells but the header has " + header.size();
      return Optional.of(
          new SourceRow(
              record.line(),
              Map.of(),
              new RowResult.Rejected(Reason.WRONG_COLUMN_COUNT, null, message)));
    }
    return Optional.of(
        new SourceRow(record.line(), header.values(i -> record.cells().get(i)), null));
  }

  private static Optional<CsvRecord> read(String fileName, CsvReader csv) {
    try {
      return csv.next();
    } catch (CsvFormatException e) {
      throw new BatchFileException(
          fileName + ": not valid CSV at " + e.getMessage() + "; check the quoting (RFC 4180)", e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new BatchFileException(
            fileName + ": the file is not UTF-8 text; save it as UTF-8 and ingest it again", e);
      }
      throw new BatchFileException(fileName + ": cannot be read: " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public void close() {
    csv.close();
  }
}
