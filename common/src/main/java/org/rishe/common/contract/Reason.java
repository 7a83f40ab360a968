package org.rishe.common.contract;

import java.util.Locale;

/** Machine-readable reason a row went to quarantine. */
public enum Reason {
  MISSING_REQUIRED,
  INVALID_NUMBER,
  INVALID_BOOLEAN,
  INVALID_DATE,
  INVALID_TIMESTAMP,
  INVALID_CODE,
  VALUE_NOT_ALLOWED,
  OUT_OF_RANGE,
  DATE_ORDER,
  /** A range of whole numbers, such as a programme's follow-up window, ends before it starts. */
  RANGE_ORDER,
  UNKNOWN_INDICATOR,
  WRONG_INDICATOR_KIND,
  INVALID_INDICATOR_VALUE,
  UNKNOWN_REFERENCE,
  /** A region's {@code geometry} that is not a GeoJSON Polygon or MultiPolygon in degrees. */
  INVALID_GEOMETRY,
  /**
   * A repeat group's row of a KoboToolbox/ODK export whose parent submission is not in the export,
   * is there twice, or is named differently by the row's two references to it.
   */
  UNMATCHED_PARENT,
  DUPLICATE_KEY,
  /**
   * A region whose chain of parents, over the batch's regions merged with the stored ones, comes
   * back to a region it passed (R01 in R02 in R01), or runs into such a loop.
   */
  PARENT_CYCLE,
  WRONG_COLUMN_COUNT,
  MALFORMED_RECORD;

  /** The code written to quarantine and reports, e.g. {@code missing_required}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
