package org.rishe.common.batch;

import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rishe.common.contract.Entity;

/**
 * Reads the records of one batch file, CSV or JSON Lines, as {@link SourceRow}s. Personal
 * identifier columns, and the columns the file's entity drops ({@link Entity#droppedColumns()},
 * such as the free-text {@code note} of {@code aid_events}), are dropped here, before a value can
 * reach any table, log or quarantine. Text that is not valid in the batch's encoding (UTF-8 unless
 * {@link BatchEncoding} says otherwise) fails the whole file with a {@link BatchFileException}.
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
   * The reader for a file name ending in {@code .csv} or {@code .jsonl}. The entity, and so the
   * columns dropped besides the personal identifiers, is the file's {@link #baseName(String)}.
   */
  static BatchFileReader open(String fileName, InputStream input) {
    return open(fileName, input, BatchEncoding.UTF_8);
  }

  /** The reader for a file in the given encoding; text not valid in it fails the file. */
  static BatchFileReader open(String fileName, InputStream input, BatchEncoding encoding) {
    Optional<Entity> entity = Entity.fromFileName(baseName(fileName));
    Predicate<String> dropped =
        entity.isPresent() ? entity.get()::dropsColumn : Entity::isPersonalIdentifier;
    Reader reader =
        new InputStreamReader(
            input,
            encoding
                .charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return new CsvBatchFileReader(fileName, reader, dropped);
    }
    if (lower.endsWith(".jsonl")) {
      return new JsonLinesBatchFileReader(fileName, reader, dropped);
    }
    throw new BatchFileException(
        fileName + ": unknown format; name batch files NAME.csv or NAME.jsonl");
  }

  /** Whether a file name is one a batch may hold. */
  static boolean isBatchFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".jsonl");
  }

  /** The entity name of a batch file: its name without extension. */
  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }
}
