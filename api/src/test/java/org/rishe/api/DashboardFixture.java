package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes small dashboard, hotspot, journey and match tables into a run folder with DuckDB, in the
 * shape the analytics job publishes. The numbers are chosen so that the tests can add them up by
 * hand.
 */
final class DashboardFixture {
  private DashboardFixture() {}

  static void write(Statement statement, Path run) throws SQLException {
    copy(
        statement,
        run,
        "dashboard_monthly",
        "SELECT * FROM (VALUES"
            + " ('gregorian','2024-01','R01',5,2,4,1,1,2,1,1,90.0),"
            + " ('gregorian','2024-02','R01',1,0,2,3,2,1,2,1,120.0),"
            + " ('gregorian','2024-02','R02',3,1,1,0,0,0,0,0,0.0),"
            + " ('jalali','1402-10','R01',4,2,3,1,1,2,1,1,90.0),"
            + " ('jalali','1402-11','R01',2,0,3,3,2,1,2,1,120.0),"
            + " ('jalali','1402-11','R02',3,1,1,0,0,0,0,0,0.0))"
            + " AS t(calendar, month, region, people_reached, families_reached, cases_opened,"
            + " cases_closed, cases_resolved, participants, program_exits, completions,"
            + " program_cost)");
    copy(
        statement,
        run,
        "dashboard_durations",
        "SELECT * FROM (VALUES"
            + " ('gregorian','2024-01','R01','days_to_resolution',10,1),"
            + " ('gregorian','2024-02','R01','days_to_resolution',20,1),"
            + " ('gregorian','2024-02','R01','days_to_resolution',40,1),"
            + " ('gregorian','2024-01','R01','days_to_delivery',12,1),"
            + " ('gregorian','2024-01','unassigned','days_to_delivery',8,1))"
            + " AS t(calendar, month, region, measure, days, count)");
    copy(
        statement,
        run,
        "dashboard_donations",
        "SELECT * FROM (VALUES"
            + " ('gregorian','2024-01','R01','IRR',2,100.0,1),"
            + " ('gregorian','2024-01','unassigned','USD',1,50.0,1),"
            + " ('gregorian','2024-02','R01','IRR',1,30.0,0))"
            + " AS t(calendar, month, region, currency, donations, amount, delivered)");
    copy(
        statement,
        run,
        "hotspots",
        "SELECT * FROM (VALUES"
            + " ('R01','malnutrition','2024-06',12,3.1,6.2,true),"
            + " ('R02','malnutrition','2024-06',3,2.9,0.1,false))"
            + " AS t(region, problem, period, observed, expected, score, flagged)");
    copy(
        statement,
        run,
        "donation_journeys",
        "SELECT 'D1' AS donation_id, 'donorA' AS donor_id, 'program:PRG01' AS designation,"
            + " DATE '2025-01-01' AS received_on,"
            + " [{'stage': 'received', 'at': to_timestamp(1735689600)},"
            + " {'stage': 'delivered', 'at': to_timestamp(1736553600)}] AS stages,"
            + " 'delivered' AS current_stage,"
            + " [{'from_stage': 'received', 'to_stage': 'delivered', 'days': 10.0}] AS stage_gaps,"
            + " DATE '2025-01-11' AS delivered_on, 10 AS days_to_delivery,"
            + " []::VARCHAR[] AS flags"
            + " UNION ALL SELECT 'D2', 'donorB', 'general', DATE '2025-02-01',"
            + " [{'stage': 'received', 'at': to_timestamp(1738368000)}], 'received',"
            + " [], NULL, NULL, ['stalled']"
            // given for needs: one on NeedsFixture's board (need-G1), one met since
            + " UNION ALL SELECT 'D3', 'donorA', 'need:need-G1', DATE '2025-02-01',"
            + " [{'stage': 'received', 'at': to_timestamp(1738368000)}], 'received',"
            + " [], NULL, NULL, []::VARCHAR[]"
            + " UNION ALL SELECT 'D4', 'donorA', 'need:need-met', DATE '2025-02-01',"
            + " [{'stage': 'received', 'at': to_timestamp(1738368000)}], 'received',"
            + " [], NULL, NULL, []::VARCHAR[]");
    copy(
        statement,
        run,
        "volunteer_matches",
        "SELECT 'V1' AS volunteer_id, 'PRG01' AS program_id, 1 AS rank, 0.8 AS score,"
            + " ['interested in education_support', '4 active participants in R01',"
            + " '2.0 participants per volunteer interested in education_support in R01, the most"
            + " stretched in the region'] AS reasons"
            + " UNION ALL SELECT 'V1', 'PRG04', 2, 0.5, ['6 active participants in R01']");
  }

  private static void copy(Statement statement, Path run, String table, String select)
      throws SQLException {
    try {
      Files.createDirectories(run.resolve(table));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    statement.execute(
        "COPY ("
            + select
            + ") TO '"
            + run.resolve(table).resolve("part-0.parquet")
            + "' (FORMAT PARQUET)");
  }
}
