package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileReader;

/**
 * Where one entity's rows come from: a whole file of the batch folder ({@code people.csv}, {@code
 * people.xlsx}), or one sheet of a workbook that holds the whole batch ({@code batch.xlsx}, sheet
 * {@code people}). Reports, quarantine and duplicate-key messages name it by {@link #name()}.
 *
 * @param file the file's name in the batch folder
 * @param sheet the sheet read, or null for a whole file (of a workbook: its first sheet)
 */
public record BatchSource(String file, String sheet) {
  public BatchSource {
    requireNonNull(file, "file is null");
  }

  public static BatchSource file(String file) {
    return new BatchSource(file, null);
  }

  public static BatchSource sheet(String file, String sheet) {
    return new BatchSource(file, requireNonNull(sheet, "sheet is null"));
  }

  /** {@code people.csv}, or {@code batch.xlsx#people} for a sheet. */
  public String name() {
    return sheet == null ? file : BatchFileReader.sheetSource(file, sheet);
  }

  /** Whether the rows are one sheet of a batch workbook. */
  public boolean isSheet() {
    return sheet != null;
  }

  /** A reader of the source's rows from its file's bytes. */
  public BatchFileReader open(InputStream input, BatchEncoding encoding) {
    return sheet == null
        ? BatchFileReader.open(file, input, encoding)
        : BatchFileReader.openSheet(file, sheet, input);
  }
}
