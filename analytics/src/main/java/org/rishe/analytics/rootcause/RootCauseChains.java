package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.causal.Edge;
import org.rishe.analytics.stats.Estimate;

/**
 * The chains of each problem: for every code with a directed path to the problem in the causal
 * graph (an ancestor of the problem, whether or not it has parents of its own), one chain from that
 * code through mediators to the problem, ranked by the code's total effect.
 *
 * <p>A code that reaches the problem only through others is an indirect root of it however far up
 * the graph it sits: parent_unemployed leads to delinquency through household_income, child_labour
 * and school_dropout although parent_illiterate in turn causes parent_unemployed. Starting chains
 * only at codes without parents would hide every such middle link, so each ancestor heads a chain
 * of its own. Of an ancestor's directed paths (at most {@link Settings#maximumEdges} edges), the
 * chain shows the one whose mediators carry the most of its effect (largest indirect effect).
 *
 * <p>Effects are difference-method estimates on the log-odds scale, by frequency-weighted logistic
 * regression ({@link LogisticFit}) on the same pattern counts the graph was learnt from. The total
 * effect adjusts the root for the demographics and for the codes of its own or earlier tiers that
 * are not its descendants in the graph (so never for a mediator); the direct effect adjusts also
 * for the path's mediators; indirect = total − direct. People with the root missing are left out; a
 * missing adjustment code enters as its own indicator. Odds ratios are not collapsible, so the
 * difference is not exactly the path-specific effect even without confounding.
 */
public final class RootCauseChains {
  /** Below this absolute total effect the share mediated is meaningless and left null. */
  static final double NEGLIGIBLE_TOTAL = 1e-3;

  /**
   * Limits of the search.
   *
   * @param maximumEdges longest path, in edges; paths are simple, so a limit at or above the number
   *     of codes is no limit
   * @param chainsPerProblem most chains kept per problem, best ranked first (one chain per ancestor
   *     of the problem, so at most the number of codes)
   */
  public record Settings(int maximumEdges, int chainsPerProblem) {
    public Settings {
      if (maximumEdges < 1 || chainsPerProblem < 1) {
        throw new IllegalArgumentException(
            "maximumEdges and chainsPerProblem must be 1 or more, got %d and %d"
                .formatted(maximumEdges, chainsPerProblem));
      }
    }

    public static Settings defaults() {
      // No limit: an indirect root can sit many links above its problem (the generator has one
      // nine edges up), and the number of simple directed paths in a learnt graph of a few dozen
      // codes is in the hundreds. 50 chains exceed the codes of the default catalogue.
      return new Settings(Integer.MAX_VALUE, 50);
    }
  }

  private final DiscreteData data;
  private final CausalGraph graph;
  private final Set<String> demographics;
  private final Map<String, Integer> tiers;

  private RootCauseChains(
      DiscreteData data, CausalGraph graph, Set<String> demographics, Map<String, Integer> tiers) {
    this.data = requireNonNull(data, "data is null");
    this.graph = requireNonNull(graph, "graph is null");
    this.demographics = Set.copyOf(demographics);
    this.tiers = Map.copyOf(tiers);
    if (!graph.nodes().equals(data.names())) {
      throw new IllegalArgumentException("the graph and the data must have the same variables");
    }
  }

  /**
   * Chains of every problem in {@code problems}. {@code tiers} gives each variable's tier (lower is
   * earlier); {@code demographics} are adjusted for always and never part of a path.
   */
  public static List<RootCauseChain> find(
      DiscreteData data,
      CausalGraph graph,
      Set<String> demographics,
      Map<String, Integer> tiers,
      List<String> problems,
      Settings settings) {
    RootCauseChains chains = new RootCauseChains(data, graph, demographics, tiers);
    List<RootCauseChain> all = new ArrayList<>();
    for (String problem : problems) {
      all.addAll(chains.ofProblem(problem, settings));
    }
    return all;
  }

  private List<RootCauseChain> ofProblem(String problem, Settings settings) {
    record Candidate(List<String> path, int undirectedLinks, long people, Effects effects) {
      boolean directed() {
        return undirectedLinks == 0;
      }

      double total() {
        return effects.total().estimate();
      }

      double indirect() {
        return effects.indirect().estimate();
      }
    }
    Map<String, List<List<String>>> byRoot = new LinkedHashMap<>();
    for (List<String> path : paths(problem, settings.maximumEdges())) {
      byRoot.computeIfAbsent(path.get(0), root -> new ArrayList<>()).add(path);
    }
    // One candidate per root: among its paths with the fewest undirected links (its directed
    // paths when it has any), the one whose mediators carry the largest part of its effect, then
    // the shortest. Models are fitted root by root and only their effects kept: at a million
    // people a model's rows take hundreds of megabytes.
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> entry : byRoot.entrySet()) {
      String root = entry.getKey();
      int fewest = entry.getValue().stream().mapToInt(this::undirectedLinks).min().orElseThrow();
      Map<List<String>, Optional<Model>> totals = new HashMap<>();
      Candidate best = null;
      for (List<String> path : entry.getValue()) {
        if (undirectedLinks(path) != fewest) {
          continue;
        }
        Optional<Model> total =
            totals.computeIfAbsent(
                adjustment(path, List.of()), adjustment -> model(problem, root, adjustment));
        Optional<Model> direct =
            model(problem, root, adjustment(path, path.subList(1, path.size() - 1)));
        if (total.isEmpty() || direct.isEmpty()) {
          continue;
        }
        Candidate offered =
            new Candidate(
                path, fewest, total.get().people(), Effects.of(total.get(), direct.get()));
        if (best == null
            || offered.indirect() > best.indirect()
            || (offered.indirect() == best.indirect()
                && offered.path().size() < best.path().size())) {
          best = offered;
        }
      }
      if (best != null) {
        candidates.add(best);
      }
    }
    // Directed chains first, then possible ones; each by total effect, then indirect effect.
    candidates.sort(
        Comparator.comparing((Candidate c) -> !c.directed())
            .thenComparingDouble(c -> -c.total())
            .thenComparingDouble(c -> -c.indirect())
            .thenComparing(c -> String.join(" ", c.path())));
    List<RootCauseChain> chains = new ArrayList<>();
    for (Candidate candidate :
        candidates.subList(0, Math.min(candidates.size(), settings.chainsPerProblem()))) {
      Effects effects = candidate.effects();
      double total = candidate.total();
      Double share = Math.abs(total) < NEGLIGIBLE_TOTAL ? null : candidate.indirect() / total;
      chains.add(
          new RootCauseChain(
              problem,
              chains.size() + 1,
              candidate.path(),
              candidate.directed(),
              candidate.people(),
              effects.direct(),
              effects.indirect(),
              effects.total(),
              share));
    }
    return chains;
  }

  /** How many links of the path are undirected in the graph (0: a directed path). */
  private int undirectedLinks(List<String> path) {
    int undirected = 0;
    for (int step = 0; step + 1 < path.size(); step++) {
      if (!isDirectedLink(index(path.get(step)), index(path.get(step + 1)))) {
        undirected++;
      }
    }
    return undirected;
  }

  /** The chain paths of one problem, without effects: for tests of the path search. */
  static List<List<String>> paths(
      DiscreteData data,
      CausalGraph graph,
      Set<String> demographics,
      Map<String, Integer> tiers,
      String problem,
      int maximumEdges) {
    return new RootCauseChains(data, graph, demographics, tiers).paths(problem, maximumEdges);
  }

  /**
   * The candidate paths into {@code problem}, at most {@code maximumEdges} long: every directed
   * path from each ancestor, and, for a code with no directed path, its possibly directed paths (no
   * link pointing back; undirected links read forward) with the fewest undirected links, then the
   * fewest links. Only those can head its chain, and enumerating every possibly directed path would
   * not end: a few undirected links among family factors already give thousands.
   */
  private List<List<String>> paths(String problem, int maximumEdges) {
    List<List<String>> paths = new ArrayList<>();
    extend(new ArrayList<>(List.of(index(problem))), maximumEdges, paths);
    Set<String> directedRoots = new HashSet<>();
    paths.forEach(path -> directedRoots.add(path.get(0)));
    long[] cost = possibleCosts(index(problem));
    for (int root = 0; root < graph.nodeCount(); root++) {
      String name = graph.nodes().get(root);
      if (root != index(problem)
          && !isDemographic(root)
          && !directedRoots.contains(name)
          && cost[root] != Long.MAX_VALUE
          && cost[root] % PATH_LENGTH_UNIT <= maximumEdges) {
        cheapest(new ArrayList<>(List.of(root)), index(problem), cost, paths);
      }
    }
    return paths;
  }

  /** Weight of one undirected link in {@link #possibleCosts}; a link of either kind adds 1. */
  private static final long PATH_LENGTH_UNIT = 1_000_000;

  /**
   * Per node, the cheapest possibly directed path to {@code target}: undirected links times {@link
   * #PATH_LENGTH_UNIT} plus links (so fewer undirected links first, then fewer links), or {@code
   * Long.MAX_VALUE} when there is none. Dijkstra backwards from the target.
   */
  private long[] possibleCosts(int target) {
    long[] cost = new long[graph.nodeCount()];
    Arrays.fill(cost, Long.MAX_VALUE);
    cost[target] = 0;
    boolean[] done = new boolean[graph.nodeCount()];
    while (true) {
      int next = -1;
      for (int node = 0; node < cost.length; node++) {
        if (!done[node] && cost[node] != Long.MAX_VALUE && (next < 0 || cost[node] < cost[next])) {
          next = node;
        }
      }
      if (next < 0) {
        return cost;
      }
      done[next] = true;
      for (int parent : parents(next)) {
        long through = cost[next] + linkCost(parent, next);
        if (through < cost[parent]) {
          cost[parent] = through;
        }
      }
    }
  }

  private long linkCost(int from, int to) {
    return isDirectedLink(from, to) ? 1 : PATH_LENGTH_UNIT + 1;
  }

  /** Whether the graph has the directed edge {@code from -> to}. */
  private boolean isDirectedLink(int from, int to) {
    return graph.edges().stream().anyMatch(e -> e.directed() && e.from() == from && e.to() == to);
  }

  /** Extends {@code path} along links that keep it cheapest, adding each completed path. */
  private void cheapest(List<Integer> path, int target, long[] cost, List<List<String>> paths) {
    int head = path.get(path.size() - 1);
    if (head == target) {
      paths.add(path.stream().map(graph.nodes()::get).toList());
      return;
    }
    for (int child = 0; child < graph.nodeCount(); child++) {
      if (cost[child] != Long.MAX_VALUE
          && parents(child).contains(head)
          && cost[head] == cost[child] + linkCost(head, child)) {
        path.add(child);
        cheapest(path, target, cost, paths);
        path.remove(path.size() - 1);
      }
    }
  }

  private void extend(List<Integer> reversed, int edgesLeft, List<List<String>> paths) {
    if (edgesLeft == 0) {
      return;
    }
    int head = reversed.get(reversed.size() - 1);
    for (int parent : directedParents(head)) {
      if (reversed.contains(parent)) {
        continue;
      }
      reversed.add(parent);
      List<String> path = new ArrayList<>();
      for (int position = reversed.size() - 1; position >= 0; position--) {
        path.add(graph.nodes().get(reversed.get(position)));
      }
      paths.add(path);
      extend(reversed, edgesLeft - 1, paths);
      reversed.remove(reversed.size() - 1);
    }
  }

  /** Directed parents of a node among the codes (demographic parents do not count). */
  private List<Integer> directedParents(int node) {
    List<Integer> parents = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      if (edge.directed() && edge.to() == node && !isDemographic(edge.from())) {
        parents.add(edge.from());
      }
    }
    return parents;
  }

  /**
   * Possible parents of a node among the codes: its directed parents and its undirected neighbours
   * (demographics do not count).
   */
  private List<Integer> parents(int node) {
    List<Integer> parents = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      if (edge.to() == node && !isDemographic(edge.from())) {
        parents.add(edge.from());
      } else if (!edge.directed() && edge.from() == node && !isDemographic(edge.to())) {
        parents.add(edge.to());
      }
    }
    return parents;
  }

  /**
   * What to adjust the path's root for: the codes of its own or earlier tiers that are not its
   * descendants (confounders, never mediators), plus the given mediators. Descendants are read with
   * the path's own edges pointing forward, so a possible chain never adjusts for its own links.
   */
  private List<String> adjustment(List<String> path, List<String> mediators) {
    String root = path.get(0);
    Set<Integer> descendants = descendants(path);
    Set<String> adjustment = new LinkedHashSet<>();
    for (int node = 0; node < graph.nodeCount(); node++) {
      String name = graph.nodes().get(node);
      if (node != index(root)
          && !isDemographic(node)
          && !descendants.contains(node)
          && tiers.get(name) <= tiers.get(root)) {
        adjustment.add(name);
      }
    }
    adjustment.addAll(mediators);
    return new ArrayList<>(adjustment);
  }

  /** The root's descendants along directed edges and the path's edges read forward. */
  private Set<Integer> descendants(List<String> path) {
    Map<Integer, Set<Integer>> pathEdges = new HashMap<>();
    for (int step = 0; step + 1 < path.size(); step++) {
      pathEdges
          .computeIfAbsent(index(path.get(step)), key -> new HashSet<>())
          .add(index(path.get(step + 1)));
    }
    Set<Integer> seen = new HashSet<>();
    List<Integer> frontier = new ArrayList<>(List.of(index(path.get(0))));
    while (!frontier.isEmpty()) {
      int next = frontier.remove(frontier.size() - 1);
      for (Edge edge : graph.edges()) {
        if (edge.directed() && edge.from() == next && seen.add(edge.to())) {
          frontier.add(edge.to());
        }
      }
      for (int to : pathEdges.getOrDefault(next, Set.of())) {
        if (seen.add(to)) {
          frontier.add(to);
        }
      }
    }
    return seen;
  }

  /**
   * The logistic regression of the problem on the root, every demographic (one indicator per level
   * but the first) and each adjustment code (exposed and missing indicators), over the patterns
   * where the root is known; the root is design column 1. Empty when the fit fails.
   */
  Optional<Model> model(String problem, String root, List<String> adjustment) {
    int outcome = index(problem);
    int focal = index(root);
    List<int[]> columns = new ArrayList<>();
    for (int variable = 0; variable < graph.nodeCount(); variable++) {
      if (isDemographic(variable)) {
        for (int level = 1; level < data.cardinality(variable); level++) {
          columns.add(new int[] {variable, level});
        }
      }
    }
    for (String name : adjustment) {
      columns.add(new int[] {index(name), 1});
      columns.add(new int[] {index(name), CausalGraphTransforms.MISSING});
    }
    List<Integer> units = new ArrayList<>();
    for (int pattern = 0; pattern < data.patternCount(); pattern++) {
      if (data.code(pattern, focal) <= 1 && data.weight(pattern) > 0) {
        units.add(pattern);
      }
    }
    // A column constant over the units (a level nobody has) would make the model singular.
    columns.removeIf(column -> isConstant(units, column));
    int width = columns.size() + 2;
    int[][] indices = new int[units.size()][];
    double[][] values = new double[units.size()][];
    double[] outcomes = new double[units.size()];
    double[] weights = new double[units.size()];
    for (int row = 0; row < units.size(); row++) {
      int pattern = units.get(row);
      int[] index = new int[width];
      int nonZero = 0;
      index[nonZero++] = 0;
      if (data.code(pattern, focal) == 1) {
        index[nonZero++] = 1;
      }
      for (int column = 0; column < columns.size(); column++) {
        int[] level = columns.get(column);
        if (data.code(pattern, level[0]) == level[1]) {
          index[nonZero++] = column + 2;
        }
      }
      indices[row] = Arrays.copyOf(index, nonZero);
      values[row] = new double[nonZero];
      Arrays.fill(values[row], 1);
      outcomes[row] = data.code(pattern, outcome) == 1 ? 1 : 0;
      weights[row] = data.weight(pattern);
    }
    return LogisticFit.fit(indices, values, width, outcomes, weights)
        .map(fit -> new Model(indices, outcomes, weights, fit));
  }

  /**
   * A fitted model of {@link #model}: its sparse 0/1 design (row r is 1 in the columns {@code
   * indices[r]}), outcomes and frequency weights, one row per pattern where the root is known.
   */
  record Model(int[][] indices, double[] outcomes, double[] weights, LogisticFit fit) {
    double rootCoefficient() {
      return fit.coefficients()[1];
    }

    /** People the model was fitted on: the sum of the frequency weights. */
    long people() {
      return Math.round(Arrays.stream(weights).sum());
    }

    /**
     * Each row's influence on the root coefficient, per person of the row: the root's row of the
     * inverse information times the person's score (x (y - p)).
     */
    double[] influence() {
      double[] beta = fit.coefficients();
      double[] inverseRow = fit.covariance()[1];
      double[] influence = new double[indices.length];
      for (int row = 0; row < indices.length; row++) {
        double eta = 0;
        double projected = 0;
        for (int column : indices[row]) {
          eta += beta[column];
          projected += inverseRow[column];
        }
        influence[row] = projected * (outcomes[row] - 1 / (1 + Math.exp(-eta)));
      }
      return influence;
    }
  }

  /**
   * The total, direct and indirect effects of a chain with 95% intervals. The two models are fitted
   * on the same people, so their root coefficients are estimated jointly as one M-estimator (the
   * two models' score equations stacked): the robust (sandwich) variance of each coefficient and of
   * their difference is the weighted sum of squares of the people's influences. People are treated
   * as independent (children of one family are not clustered).
   */
  record Effects(Estimate total, Estimate direct, Estimate indirect) {
    private static final double Z = 1.959963984540054;

    static Effects of(Model total, Model direct) {
      if (total.indices().length != direct.indices().length) {
        throw new IllegalArgumentException("the total and direct models must share their rows");
      }
      double[] totalInfluence = total.influence();
      double[] directInfluence = direct.influence();
      double totalVariance = 0;
      double directVariance = 0;
      double differenceVariance = 0;
      for (int row = 0; row < totalInfluence.length; row++) {
        double weight = total.weights()[row];
        totalVariance += weight * totalInfluence[row] * totalInfluence[row];
        directVariance += weight * directInfluence[row] * directInfluence[row];
        double difference = totalInfluence[row] - directInfluence[row];
        differenceVariance += weight * difference * difference;
      }
      double totalEffect = total.rootCoefficient();
      double directEffect = direct.rootCoefficient();
      return new Effects(
          interval(totalEffect, totalVariance),
          interval(directEffect, directVariance),
          interval(totalEffect - directEffect, differenceVariance));
    }

    private static Estimate interval(double estimate, double variance) {
      double half = Z * Math.sqrt(variance);
      return new Estimate(estimate, estimate - half, estimate + half);
    }
  }

  private boolean isConstant(List<Integer> units, int[] column) {
    Set<Boolean> seen = new HashSet<>();
    for (int pattern : units) {
      seen.add(data.code(pattern, column[0]) == column[1]);
    }
    return seen.size() < 2;
  }

  private boolean isDemographic(int node) {
    return demographics.contains(graph.nodes().get(node));
  }

  private int index(String name) {
    return graph.indexOf(name);
  }
}
