package org.rishe.common.warehouse;

/**
 * The status of one batch file in an ingest report ({@code files[].status}): one definition for the
 * ingest that writes the report and for everything that reads it back (the pseudonym key check).
 */
public final class IngestFileStatus {
  /** Read, its good rows stored and its bad ones quarantined. */
  public static final String LOADED = "loaded";

  /** Not loaded: the file could not be read as the contract asks; its error says why. */
  public static final String FAILED = "failed";

  /** Not read: not a batch file, or a workbook sheet named after no entity. */
  public static final String SKIPPED = "skipped";

  /**
   * Loaded by an earlier ingest from the same bytes, with nothing it depends on changed since: not
   * read again; the counts are that ingest's.
   */
  public static final String UNCHANGED = "unchanged";

  private IngestFileStatus() {}

  /**
   * Whether a file of this status has its rows in the tables: loaded now or by an earlier ingest.
   */
  public static boolean reachedTables(String status) {
    return LOADED.equals(status) || UNCHANGED.equals(status);
  }
}
