package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.batch.KoboMapping;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Where one entity's rows come from: a whole file of the batch folder ({@code people.csv}, {@code
 * people.xlsx}), or one sheet of a workbook that holds the whole batch ({@code batch.xlsx}, sheet
 * {@code people}). Reports, quarantine and duplicate-key messages name it by {@link #name()}.
 *
 * <p>Or one target of a KoboToolbox/ODK mapping file ({@code household_visit.kobo.json}): its
 * export read through the mapping.
 *
 * @param file the file's name in the batch folder
 * @param sheet the sheet read, or null for a whole file (of a workbook: its first sheet)
 * @param mapping the mapping the file is read through, or null for a batch file
 * @param target the mapping's target read, or null for a batch file
 */
public record BatchSource(
    String file, String sheet, KoboMapping mapping, KoboMapping.Target target) {
  public BatchSource {
    requireNonNull(file, "file is null");
    if ((mapping == null) != (target == null)) {
      throw new IllegalArgumentException("a mapping needs its target");
    }
  }

  public BatchSource(String file, String sheet) {
    this(file, sheet, null, null);
  }

  /** One target of a KoboToolbox/ODK mapping: its export (and sheet) read through the mapping. */
  public static BatchSource kobo(KoboMapping mapping, KoboMapping.Target target) {
    return new BatchSource(target.export(), target.sheet(), mapping, target);
  }

  public static BatchSource file(String file) {
    return new BatchSource(file, null);
  }

  public static BatchSource sheet(String file, String sheet) {
    return new BatchSource(file, requireNonNull(sheet, "sheet is null"));
  }

  /**
   * The file of the batch folder holding the rows a repeat group's rows belong to, or null for a
   * batch file or a target that reads them itself.
   */
  public String parentFile() {
    return mapping == null || target.readsParent(mapping) ? null : target.parentExport(mapping);
  }

  /**
   * The digest of {@link #parentFile} beside the source's file at {@code location} (the path of
   * {@link #file}), or null when there is none or it is missing.
   */
  public String parentDigest(WarehouseFiles files, String location) {
    String parent = parentFile();
    if (parent == null) {
      return null;
    }
    String beside = beside(location, parent);
    return files.exists(beside) ? files.sha256(beside) : null;
  }

  /** The path of the file {@code name} in the folder of the file at {@code location}. */
  public static String beside(String location, String name) {
    int slash = location.lastIndexOf('/');
    return slash < 0 ? name : location.substring(0, slash + 1) + name;
  }

  /** {@code people.csv}, or {@code batch.xlsx#people} for a sheet. */
  public String name() {
    return sheet == null ? file : BatchFileReader.sheetSource(file, sheet);
  }

  /** Whether the rows are one sheet of a batch workbook. */
  public boolean isSheet() {
    return sheet != null && mapping == null;
  }

  /**
   * The digest the reports record for the source, from its file's: for an export read through a
   * mapping, of both the export and the mapping file (and of the export a repeat group's rows
   * belong to, {@code parentDigest}, or null), so that a changed mapping or parent export reads the
   * export again.
   */
  public String digest(String fileDigest, String parentDigest) {
    if (mapping == null) {
      return fileDigest;
    }
    try {
      byte[] both =
          (fileDigest
                  + " "
                  + mapping.digest()
                  + " "
                  + target.index()
                  + (parentDigest == null ? "" : " " + parentDigest))
              .getBytes(StandardCharsets.US_ASCII);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(both));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /**
   * A reader of the source's rows from its file's bytes; {@code openFile} opens another file of the
   * batch folder by name (the export a repeat group's rows belong to).
   */
  public BatchFileReader open(
      InputStream input,
      BatchEncoding encoding,
      java.util.function.Function<String, InputStream> openFile) {
    if (mapping != null) {
      return BatchFileReader.openKobo(mapping, target, name(), input, encoding, openFile);
    }
    return sheet == null
        ? BatchFileReader.open(file, input, encoding)
        : BatchFileReader.openSheet(file, sheet, input);
  }
}
