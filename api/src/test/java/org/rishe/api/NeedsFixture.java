package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.needs.NeedRefs;

/**
 * Writes a {@code needs_board} table into a run folder with DuckDB, in the shape {@code
 * NeedsBoardStep} publishes, k = 11 in mind, beside the cubes of {@link
 * PublishedRunFixture#writeCubes} (R01 and R02 have girls and boys aged 6-11 in {@code
 * cube_people}):
 *
 * <pre>
 *   need ids        subject          region kind        programme  age  sex     people group
 *   G1..G11, G1b    11 girls         R01    school_fees PRG01      6-11 female  11  shown
 *   B1..B10         10 boys          R01    school_fees PRG01      6-11 male    10  hidden (k-1)
 *   S1              one girl         R02    food        -          6-11 female   1  hidden
 *   M1..M11         11 girls         R02    medical     PRG03      6-11 female  11  shown
 *   F1              a family         R01    rent        -          -    -        -  (no amount)
 *   F2              a family         R03    food        -          -    -        -  USD 50, pledged
 * </pre>
 *
 * Amounts: G{i} and G1b 1,000,000 × i IRR (G1b 500,000), B{i} 2,000,000 IRR, S1 3,000,000 IRR, M{i}
 * 4,000,000 IRR. Days open: G{i} 10 + i, G1b 5, B{i} 40, S1 100, M{i} 20, F1 200, F2 7.
 */
final class NeedsFixture {
  /** The secret the fixture's references are computed with. */
  static final NeedRefs REFS = new NeedRefs(new byte[32]);

  /** One published row. */
  record Need(
      String needId,
      String kind,
      Double amount,
      String currency,
      String region,
      String program,
      int daysOpen,
      String status,
      String ageBand,
      String sex,
      Integer groupSize) {
    String ref() {
      return REFS.ref(needId);
    }
  }

  static final List<Need> NEEDS = needs();

  private NeedsFixture() {}

  private static List<Need> needs() {
    List<Need> needs = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      needs.add(
          new Need(
              "need-G" + i,
              "school_fees",
              1_000_000.0 * i,
              "IRR",
              "R01",
              "PRG01",
              10 + i,
              "open",
              "6-11",
              "female",
              11));
    }
    needs.add(
        new Need(
            "need-G1b",
            "school_fees",
            500_000.0,
            "IRR",
            "R01",
            "PRG01",
            5,
            "pledged",
            "6-11",
            "female",
            11));
    for (int i = 1; i <= 10; i++) {
      needs.add(
          new Need(
              "need-B" + i,
              "school_fees",
              2_000_000.0,
              "IRR",
              "R01",
              "PRG01",
              40,
              "open",
              "6-11",
              "male",
              10));
    }
    needs.add(
        new Need(
            "need-S1", "food", 3_000_000.0, "IRR", "R02", null, 100, "open", "6-11", "female", 1));
    for (int i = 1; i <= 11; i++) {
      needs.add(
          new Need(
              "need-M" + i,
              "medical",
              4_000_000.0,
              "IRR",
              "R02",
              "PRG03",
              20,
              "open",
              "6-11",
              "female",
              11));
    }
    needs.add(new Need("need-F1", "rent", null, null, "R01", null, 200, "open", null, null, null));
    needs.add(
        new Need("need-F2", "food", 50.0, "USD", "R03", null, 7, "pledged", null, null, null));
    return List.copyOf(needs);
  }

  static void write(Statement statement, Path run) throws SQLException {
    Path folder = run.resolve("needs_board");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder values = new StringBuilder();
    for (Need need : NEEDS) {
      values
          .append(values.length() == 0 ? "" : ",")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "(%s,%s,%s,%s,%s,%s,%s,DATE '2025-06-30' - %d,%d,%s,%s,%s,%s)",
                  text(need.ref()),
                  text(need.needId()),
                  text(need.kind()),
                  need.amount() == null ? "NULL" : need.amount().toString(),
                  text(need.currency()),
                  text(need.region()),
                  text(need.program()),
                  need.daysOpen(),
                  need.daysOpen(),
                  text(need.status()),
                  text(need.ageBand()),
                  text(need.sex()),
                  need.groupSize() == null ? "NULL" : need.groupSize().toString()));
    }
    statement.execute(
        "COPY (SELECT need_ref, need_id, kind, CAST(amount AS DOUBLE) AS amount,"
            + " CAST(currency AS VARCHAR) AS currency, region, CAST(program_id AS VARCHAR) AS"
            + " program_id, CAST(opened_on AS DATE) AS opened_on, CAST(days_open AS INTEGER) AS"
            + " days_open, status, CAST(age_band AS VARCHAR) AS age_band, CAST(sex AS VARCHAR) AS"
            + " sex, CAST(group_size AS INTEGER) AS group_size FROM (VALUES "
            + values
            + ") AS t(need_ref, need_id, kind, amount, currency, region, program_id, opened_on,"
            + " days_open, status, age_band, sex, group_size)) TO '"
            + folder.resolve("part-0.parquet")
            + "' (FORMAT PARQUET)");
  }

  private static String text(String value) {
    return value == null ? "NULL" : "'" + value + "'";
  }
}
