package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.rishe.common.batch.SourceRow;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.RawRows;
import org.rishe.common.contract.RowResult;
import org.rishe.common.contract.RowValidator;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * What one record of a batch file becomes in staging: validated, then either the values of a
 * staging row ({@link CuratedSchemas#staging}) or those of a quarantine row ({@link
 * CuratedSchemas#quarantine}) with the sanitised raw row. One place for it, whether the file is
 * read on the driver or in parts on the executors (hence serializable).
 */
final class RowStaging implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Entity entity;
  private final RowValidator validator;
  private final Pseudonymizer pseudonymizer;
  private final String ingestId;
  private final String fileName;
  private final int order;
  private final int stagingColumns;

  RowStaging(
      Entity entity,
      RowValidator validator,
      Pseudonymizer pseudonymizer,
      String ingestId,
      String fileName,
      int order) {
    this.entity = requireNonNull(entity, "entity is null");
    this.validator = requireNonNull(validator, "validator is null");
    this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
    this.ingestId = requireNonNull(ingestId, "ingestId is null");
    this.fileName = requireNonNull(fileName, "fileName is null");
    this.order = order;
    this.stagingColumns = CuratedSchemas.staging(entity).size();
  }

  /**
   * A record staged.
   *
   * @param reason the reason code of a rejected record, or null for an accepted one
   * @param values the staging row's values, or the quarantine row's for a rejected record
   */
  record Staged(String reason, Object[] values) {
    boolean accepted() {
      return reason == null;
    }
  }

  Staged stage(SourceRow row) {
    RowResult result =
        row.unreadableReason()
            .map(r -> (RowResult) r)
            .orElseGet(() -> validator.validate(row.values()));
    if (result instanceof RowResult.Accepted ok) {
      Object[] values = new Object[stagingColumns];
      Object[] typed = ok.values();
      System.arraycopy(typed, 0, values, 0, typed.length);
      values[typed.length] = fileName;
      values[typed.length + 1] = order;
      values[typed.length + 2] = row.line();
      values[typed.length + 3] = ok.deletedAt();
      return new Staged(null, values);
    }
    RowResult.Rejected bad = (RowResult.Rejected) result;
    // only a rejected row's raw values are kept, and only those of a record read as a row
    String rawJson =
        row.unreadableReason().isPresent()
            ? null
            : RawRows.sanitisedJson(entity, row.values(), pseudonymizer);
    return new Staged(
        bad.reason().code(),
        new Object[] {
          ingestId,
          fileName,
          "",
          row.line(),
          bad.reason().code(),
          bad.field(),
          bad.message(),
          rawJson
        });
  }
}
