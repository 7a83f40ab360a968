package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for the bnlearn benchmark files kept under {@code benchmarks/bn}: causal-learn's sample
 * tables, Tetrad-style graph text files, endpoint matrices and the variable mapping.
 */
public final class BenchmarkFiles {
  private static final Pattern GRAPH_EDGE =
      Pattern.compile("^\\d+\\.\\s+(\\S+)\\s+(-->|---)\\s+(\\S+)");

  private BenchmarkFiles() {}

  /**
   * Reads a space-separated sample with a header of names and integer codes from 1 (or any base):
   * each column is recoded to 0-based ranks of its distinct values, as causal-learn does.
   */
  public static DiscreteData readSamples(Path path) {
    List<String> lines = lines(path);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(
          "sample file %s is empty: expected a header".formatted(path));
    }
    List<String> names = List.of(lines.get(0).strip().split("\\s+"));
    List<int[]> rows = new ArrayList<>();
    for (int line = 1; line < lines.size(); line++) {
      String text = lines.get(line).strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] fields = text.split("\\s+");
      if (fields.length != names.size()) {
        throw new IllegalArgumentException(
            "line %d of %s has %d values, expected %d"
                .formatted(line + 1, path, fields.length, names.size()));
      }
      rows.add(Arrays.stream(fields).mapToInt(Integer::parseInt).toArray());
    }
    int variables = names.size();
    int[] cardinalities = new int[variables];
    int[][] recoded = new int[rows.size()][variables];
    for (int variable = 0; variable < variables; variable++) {
      final int column = variable;
      int[] distinct = rows.stream().mapToInt(row -> row[column]).distinct().sorted().toArray();
      cardinalities[variable] = distinct.length;
      for (int row = 0; row < rows.size(); row++) {
        recoded[row][variable] = Arrays.binarySearch(distinct, rows.get(row)[variable]);
      }
    }
    return DiscreteData.fromRows(names, cardinalities, recoded);
  }

  /** Reads a graph text file ("Graph Nodes:" then "1. A --> B" lines). */
  public static CausalGraph readGraph(Path path) {
    List<String> lines = lines(path);
    int nodesLine = lines.indexOf("Graph Nodes:");
    if (nodesLine < 0 || nodesLine + 1 >= lines.size()) {
      throw new IllegalArgumentException(
          "graph file %s has no 'Graph Nodes:' section".formatted(path));
    }
    List<String> nodes = List.of(lines.get(nodesLine + 1).strip().split(";"));
    List<Edge> edges = new ArrayList<>();
    for (String line : lines) {
      Matcher matcher = GRAPH_EDGE.matcher(line.strip());
      if (matcher.find()) {
        int from = nodes.indexOf(matcher.group(1));
        int to = nodes.indexOf(matcher.group(3));
        if (from < 0 || to < 0) {
          throw new IllegalArgumentException(
              "edge '%s' in %s names an unknown node".formatted(line, path));
        }
        edges.add(
            matcher.group(2).equals("-->") ? Edge.directed(from, to) : Edge.undirected(from, to));
      }
    }
    return new CausalGraph(nodes, edges);
  }

  /** Reads causal-learn's n x n endpoint matrix over the given nodes. */
  public static CausalGraph readEndpointMatrix(Path path, List<String> nodes) {
    requireNonNull(nodes, "nodes is null");
    List<String> lines = lines(path).stream().filter(line -> !line.isBlank()).toList();
    if (lines.size() != nodes.size()) {
      throw new IllegalArgumentException(
          "matrix %s has %d rows for %d nodes".formatted(path, lines.size(), nodes.size()));
    }
    int[][] matrix = new int[nodes.size()][];
    for (int row = 0; row < lines.size(); row++) {
      matrix[row] =
          Arrays.stream(lines.get(row).strip().split("\\s+"))
              .mapToInt(value -> (int) Double.parseDouble(value))
              .toArray();
    }
    return CausalGraph.fromEndpointMatrix(nodes, matrix);
  }

  /** Column name to BIF variable name for one network, from {@code variable_mapping.csv}. */
  public static Map<String, String> readVariableMapping(Path path, String network) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String line : lines(path)) {
      String[] fields = line.strip().split(",");
      if (fields.length == 3 && fields[0].equals(network)) {
        mapping.put(fields[1], fields[2]);
      }
    }
    if (mapping.isEmpty()) {
      throw new IllegalArgumentException(
          "no mapping for network %s in %s".formatted(network, path));
    }
    return mapping;
  }

  private static List<String> lines(Path path) {
    requireNonNull(path, "path is null");
    try (BufferedReader reader = Files.newBufferedReader(path)) {
      return reader.lines().toList();
    } catch (IOException exception) {
      throw new UncheckedIOException("cannot read benchmark file " + path, exception);
    }
  }
}
