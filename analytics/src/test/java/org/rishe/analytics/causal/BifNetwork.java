package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A discrete Bayesian network read from the BIF format (bnlearn repository files), with a forward
 * sampler that is deterministic per seed.
 */
public final class BifNetwork {
  private static final Pattern VARIABLE =
      Pattern.compile(
          "variable\\s+(\\S+)\\s*\\{\\s*type\\s+discrete\\s*\\[\\s*(\\d+)\\s*\\]\\s*\\{([^}]*)\\}");
  private static final Pattern PROBABILITY =
      Pattern.compile("probability\\s*\\(\\s*([^|)]+?)\\s*(?:\\|([^)]*))?\\)\\s*\\{([^}]*)\\}");
  private static final Pattern ROW = Pattern.compile("\\(([^)]*)\\)([^;]*);");
  private static final Pattern TABLE = Pattern.compile("table([^;]*);");

  private final List<String> names;
  private final List<List<String>> states;
  private final int[][] parents;
  // probabilities[variable][parentConfiguration * cardinality + state]
  private final double[][] probabilities;
  private final int[] topologicalOrder;

  private BifNetwork(
      List<String> names, List<List<String>> states, int[][] parents, double[][] probabilities) {
    this.names = List.copyOf(names);
    this.states = List.copyOf(states);
    this.parents = parents;
    this.probabilities = probabilities;
    this.topologicalOrder = topologicalOrder(parents);
  }

  public static BifNetwork read(Path path) {
    requireNonNull(path, "path is null");
    try {
      return parse(Files.readString(path));
    } catch (IOException exception) {
      throw new UncheckedIOException("cannot read BIF file " + path, exception);
    } catch (IllegalArgumentException exception) {
      throw new IllegalArgumentException(
          "BIF file %s is malformed: %s".formatted(path, exception.getMessage()), exception);
    }
  }

  public static BifNetwork parse(String text) {
    List<String> names = new ArrayList<>();
    List<List<String>> states = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Matcher variable = VARIABLE.matcher(text);
    while (variable.find()) {
      index.put(variable.group(1), names.size());
      names.add(variable.group(1));
      List<String> values = splitList(variable.group(3));
      if (values.size() != Integer.parseInt(variable.group(2))) {
        throw new IllegalArgumentException(
            "variable %s lists the wrong number of states".formatted(variable.group(1)));
      }
      states.add(values);
    }
    int[][] parents = new int[names.size()][];
    double[][] probabilities = new double[names.size()][];
    Matcher probability = PROBABILITY.matcher(text);
    while (probability.find()) {
      int child = lookup(index, probability.group(1));
      List<String> parentNames =
          probability.group(2) == null ? List.of() : splitList(probability.group(2));
      int[] parentIndices = parentNames.stream().mapToInt(name -> lookup(index, name)).toArray();
      parents[child] = parentIndices;
      probabilities[child] = readTable(child, parentIndices, probability.group(3), names, states);
    }
    for (int node = 0; node < names.size(); node++) {
      if (parents[node] == null) {
        throw new IllegalArgumentException("no probability block for " + names.get(node));
      }
    }
    return new BifNetwork(names, states, parents, probabilities);
  }

  private static double[] readTable(
      int child, int[] parentIndices, String body, List<String> names, List<List<String>> states) {
    int cardinality = states.get(child).size();
    int configurations = 1;
    for (int parent : parentIndices) {
      configurations *= states.get(parent).size();
    }
    double[] table = new double[configurations * cardinality];
    boolean[] seen = new boolean[configurations];
    Matcher flat = TABLE.matcher(body);
    if (flat.find()) {
      if (parentIndices.length > 0) {
        throw new IllegalArgumentException("a flat table with parents for " + names.get(child));
      }
      fill(table, 0, cardinality, splitList(flat.group(1)), names.get(child));
      return table;
    }
    Matcher row = ROW.matcher(body);
    while (row.find()) {
      List<String> parentStates = splitList(row.group(1));
      int configuration = 0;
      for (int position = 0; position < parentIndices.length; position++) {
        List<String> parentValues = states.get(parentIndices[position]);
        int state = parentValues.indexOf(parentStates.get(position));
        if (state < 0) {
          throw new IllegalArgumentException("unknown state " + parentStates.get(position));
        }
        configuration = configuration * parentValues.size() + state;
      }
      seen[configuration] = true;
      fill(table, configuration, cardinality, splitList(row.group(2)), names.get(child));
    }
    for (boolean configurationSeen : seen) {
      if (!configurationSeen) {
        throw new IllegalArgumentException("incomplete table for " + names.get(child));
      }
    }
    return table;
  }

  private static void fill(
      double[] table, int configuration, int cardinality, List<String> values, String name) {
    if (values.size() != cardinality) {
      throw new IllegalArgumentException("wrong number of probabilities for " + name);
    }
    for (int state = 0; state < cardinality; state++) {
      table[configuration * cardinality + state] = Double.parseDouble(values.get(state));
    }
  }

  private static List<String> splitList(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int lookup(Map<String, Integer> index, String name) {
    Integer position = index.get(name.strip());
    if (position == null) {
      throw new IllegalArgumentException("undeclared variable " + name.strip());
    }
    return position;
  }

  private static int[] topologicalOrder(int[][] parents) {
    int size = parents.length;
    int[] order = new int[size];
    boolean[] placed = new boolean[size];
    int next = 0;
    while (next < size) {
      int before = next;
      for (int node = 0; node < size; node++) {
        if (!placed[node] && Arrays.stream(parents[node]).allMatch(parent -> placed[parent])) {
          placed[node] = true;
          order[next++] = node;
        }
      }
      if (next == before) {
        throw new IllegalArgumentException("the network has a directed cycle");
      }
    }
    return order;
  }

  public List<String> names() {
    return names;
  }

  public List<String> states(int variable) {
    return states.get(variable);
  }

  /** The network's DAG. */
  public CausalGraph dag() {
    List<Edge> edges = new ArrayList<>();
    for (int child = 0; child < parents.length; child++) {
      for (int parent : parents[child]) {
        edges.add(Edge.directed(parent, child));
      }
    }
    return new CausalGraph(names, edges);
  }

  /** Draws n rows by forward sampling; codes are positions in the BIF state lists. */
  public DiscreteData sample(int rows, long seed) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be 1 or more, got %d".formatted(rows));
    }
    int[] cardinalities = states.stream().mapToInt(List::size).toArray();
    PatternCompressor compressor = new PatternCompressor(names, cardinalities);
    SplittableRandom random = new SplittableRandom(seed);
    int[] row = new int[names.size()];
    for (int drawn = 0; drawn < rows; drawn++) {
      for (int node : topologicalOrder) {
        int configuration = 0;
        for (int parent : parents[node]) {
          configuration = configuration * cardinalities[parent] + row[parent];
        }
        row[node] = draw(probabilities[node], configuration, cardinalities[node], random);
      }
      compressor.add(row, 1);
    }
    return compressor.toData();
  }

  private static int draw(
      double[] table, int configuration, int cardinality, SplittableRandom random) {
    double threshold = random.nextDouble();
    int offset = configuration * cardinality;
    double cumulative = 0;
    for (int state = 0; state < cardinality - 1; state++) {
      cumulative += table[offset + state];
      if (threshold < cumulative) {
        return state;
      }
    }
    // Rounding in the file may leave the last state with slightly more or less than its share.
    return cardinality - 1;
  }
}
