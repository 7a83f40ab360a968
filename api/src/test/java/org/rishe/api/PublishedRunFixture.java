package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Publishes a results run into a warehouse folder the way {@code rishe analyze} does (Parquet
 * tables, run.json, then LATEST), but written with DuckDB so the API tests need no Spark.
 */
final class PublishedRunFixture {
  private PublishedRunFixture() {}

  /** One problem row: code, English label, Persian label, cases, people. */
  record Problem(String code, String labelEn, String labelFa, long cases, long people) {}

  static void publish(Path warehouse, String runId, List<Problem> problems) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(run.resolve("problems"));
      Files.createDirectories(run.resolve("indicators"));
      StringBuilder values = new StringBuilder();
      StringBuilder indicators = new StringBuilder();
      for (Problem p : problems) {
        values
            .append(values.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('%s','%s','%s',%d,%d)",
                    p.code(), p.labelEn(), p.labelFa(), p.cases(), p.people()));
        indicators
            .append(indicators.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('%s','problem','boolean','family','%s','%s')",
                    p.code(), p.labelEn(), p.labelFa()));
      }
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + values
              + ") AS t(code, label_en, label_fa, cases, people)) TO '"
              + run.resolve("problems/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + indicators
              + ") AS t(code, kind, value_type, domain, label_en, label_fa)) TO '"
              + run.resolve("indicators/part-0.parquet")
              + "' (FORMAT PARQUET)");
      DashboardFixture.write(statement, run);
      Files.writeString(
          run.resolve("run.json"),
          "{\"runId\":\"" + runId + "\",\"publishedAt\":\"2026-11-29T00:00:00Z\"}");
      Files.writeString(warehouse.resolve("results").resolve("LATEST"), runId + "\n");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
