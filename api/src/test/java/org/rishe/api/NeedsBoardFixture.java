package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a small {@code needs_board} table into a run folder with DuckDB, in the shape the needs
 * board step publishes (the columns pledges read, and the rest): need-a1 (school fees, 1,000 IRR,
 * open), need-b2 (clothing, no amount, open), need-c3 (food, 300 IRR, already pledged) and need-d4
 * (rent, 1,000 IRR, open, for races).
 */
final class NeedsBoardFixture {
  private NeedsBoardFixture() {}

  static void write(Statement statement, Path run) throws SQLException {
    Path folder = run.resolve("needs_board");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    statement.execute(
        "COPY (SELECT * FROM (VALUES"
            + " ('need-a1','N1','school_fees',1000.0::DOUBLE,'IRR','R01','PRG01',"
            + "DATE '2025-01-10',50,'open','6-11','female'),"
            + " ('need-b2','N2','clothing',NULL::DOUBLE,NULL,'R02',NULL,"
            + "DATE '2025-02-01',28,'open','12-14','male'),"
            + " ('need-c3','N3','food',300.0::DOUBLE,'IRR','R01',NULL,"
            + "DATE '2025-01-20',40,'pledged','18+','female'),"
            + " ('need-d4','N4','rent',1000.0::DOUBLE,'IRR','R02',NULL,"
            + "DATE '2025-02-15',14,'open','18+','male'))"
            + " AS t(need_ref, need_id, kind, amount, currency, region, program_id, opened_on,"
            + " days_open, status, age_band, sex)) TO '"
            + folder.resolve("part-0.parquet")
            + "' (FORMAT PARQUET)");
  }
}
