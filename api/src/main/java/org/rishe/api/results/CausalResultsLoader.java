package org.rishe.api.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.results.ResultTables;

/** Reads the causal-graph tables of a run with DuckDB; absent tables read as empty. */
final class CausalResultsLoader {
  private CausalResultsLoader() {}

  static CausalResults load(Statement statement, Path runFolder) throws SQLException {
    return new CausalResults(
        nodes(statement, runFolder), edges(statement, runFolder), chains(statement, runFolder));
  }

  private static List<CausalResults.Node> nodes(Statement statement, Path runFolder)
      throws SQLException {
    List<CausalResults.Node> nodes = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.CAUSAL_GRAPH_NODES))) {
      return nodes;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT id, kind, label_en, label_fa FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.CAUSAL_GRAPH_NODES)
                + ") ORDER BY id")) {
      while (rows.next()) {
        nodes.add(
            new CausalResults.Node(
                rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return nodes;
  }

  private static List<CausalResults.GraphEdge> edges(Statement statement, Path runFolder)
      throws SQLException {
    List<CausalResults.GraphEdge> edges = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.CAUSAL_GRAPH_EDGES))) {
      return edges;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT \"from\", \"to\", directed, stability FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.CAUSAL_GRAPH_EDGES)
                + ") ORDER BY \"from\", \"to\"")) {
      while (rows.next()) {
        edges.add(
            new CausalResults.GraphEdge(
                rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getDouble(4)));
      }
    }
    return edges;
  }

  private static List<CausalResults.Chain> chains(Statement statement, Path runFolder)
      throws SQLException {
    List<CausalResults.Chain> chains = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.ROOT_CAUSE_CHAINS))) {
      return chains;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT problem, rank, path, direct, indirect, total, share_mediated FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.ROOT_CAUSE_CHAINS)
                + ") ORDER BY problem, rank")) {
      while (rows.next()) {
        chains.add(
            new CausalResults.Chain(
                rows.getString(1),
                rows.getInt(2),
                strings(rows.getArray(3)),
                rows.getDouble(4),
                rows.getDouble(5),
                rows.getDouble(6),
                nullableDouble(rows, 7)));
      }
    }
    return chains;
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      values.add(String.valueOf(value));
    }
    return values;
  }

  private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }
}
