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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * regression ({@link LogisticFit}) on the same pattern counts the graph was learnt from, each model
 * on the patterns merged by the codes of the variables it reads ({@link PatternGroups}). The total
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
    ExecutorService workers =
        Executors.newFixedThreadPool(
            WORKERS,
            task -> {
              Thread thread = new Thread(task, "root-cause-chains");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<RootCauseChain> all = new ArrayList<>();
      for (String problem : problems) {
        all.addAll(chains.ofProblem(problem, settings, workers));
      }
      return all;
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Roots whose models are fitted at once. Each root's candidate depends on nothing but the data
   * and the graph and the candidates are gathered in root order, so the result does not depend on
   * the scheduling; two keep the memory of the rows in flight modest.
   */
  private static final int WORKERS = 2;

  /** A root's best path into its problem, with the effects of the root along it. */
  private record Candidate(List<String> path, int undirectedLinks, long people, Effects effects) {
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

  /** A total model with the groups it was fitted on, which its direct models refine. */
  private record Total(PatternGroups groups, Optional<Model> model) {}

  private List<RootCauseChain> ofProblem(
      String problem, Settings settings, ExecutorService workers) {
    Map<String, List<List<String>>> byRoot = new LinkedHashMap<>();
    for (List<String> path : paths(problem, settings.maximumEdges())) {
      byRoot.computeIfAbsent(path.get(0), root -> new ArrayList<>()).add(path);
    }
    List<Future<Optional<Candidate>>> pending = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> entry : byRoot.entrySet()) {
      pending.add(workers.submit(() -> bestCandidate(problem, entry.getKey(), entry.getValue())));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Future<Optional<Candidate>> candidate : pending) {
      awaited(candidate).ifPresent(candidates::add);
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

  /** The result of a root's task, with its failure rethrown as it was thrown. */
  private static <T> T awaited(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting the chains' models", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException("fitting the chains' models failed", e.getCause());
    }
  }

  /**
   * The candidate of one root: among its paths with the fewest undirected links (its directed paths
   * when it has any), the one whose mediators carry the largest part of its effect, then the
   * shortest; empty when no model of the root could be fitted. Models are fitted root by root and
   * only their effects kept. Each total model is fitted once per adjustment, on the root-known
   * patterns grouped by the variables it reads; a direct model adjusts also for the path's
   * mediators and is fitted on those groups split by the mediators' codes.
   */
  private Optional<Candidate> bestCandidate(String problem, String root, List<List<String>> paths) {
    int outcome = index(problem);
    int focal = index(root);
    int[] units = units(focal);
    int fewest = paths.stream().mapToInt(this::undirectedLinks).min().orElseThrow();
    Map<List<String>, Total> totals = new HashMap<>();
    Candidate best = null;
    for (List<String> path : paths) {
      if (undirectedLinks(path) != fewest) {
        continue;
      }
      List<String> totalAdjustment = adjustment(path, List.of());
      Total total =
          totals.computeIfAbsent(
              totalAdjustment,
              adjustment -> {
                PatternGroups groups =
                    PatternGroups.of(data, units, variablesRead(outcome, focal, adjustment));
                return new Total(groups, fit(outcome, focal, adjustment, groups));
              });
      if (total.model().isEmpty()) {
        continue;
      }
      List<String> directAdjustment = adjustment(path, path.subList(1, path.size() - 1));
      // Without mediators the direct model is the total one: fitting it again would repeat it.
      Optional<Model> direct =
          directAdjustment.equals(totalAdjustment)
              ? total.model()
              : fit(
                  outcome,
                  focal,
                  directAdjustment,
                  total.groups().refine(variablesRead(outcome, focal, directAdjustment)));
      if (direct.isEmpty()) {
        continue;
      }
      Candidate offered =
          new Candidate(
              path,
              fewest,
              total.model().get().people(),
              Effects.of(total.model().get(), direct.get()));
      if (best == null
          || offered.indirect() > best.indirect()
          || (offered.indirect() == best.indirect()
              && offered.path().size() < best.path().size())) {
        best = offered;
      }
    }
    return Optional.ofNullable(best);
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
   * The patterns a model of the root {@code focal} is fitted on, ascending: the root known (code 0
   * or 1) and a positive weight.
   */
  private int[] units(int focal) {
    int[] units = new int[data.patternCount()];
    int count = 0;
    for (int pattern = 0; pattern < data.patternCount(); pattern++) {
      if (data.code(pattern, focal) <= 1 && data.weight(pattern) > 0) {
        units[count++] = pattern;
      }
    }
    return Arrays.copyOf(units, count);
  }

  /**
   * The variables a model reads, each once: the outcome, the root, the demographics and the
   * adjustment codes. Patterns that agree on them are the same row of the model.
   */
  private int[] variablesRead(int outcome, int focal, List<String> adjustment) {
    Set<Integer> variables = new LinkedHashSet<>(List.of(outcome, focal));
    for (int variable = 0; variable < graph.nodeCount(); variable++) {
      if (isDemographic(variable)) {
        variables.add(variable);
      }
    }
    for (String name : adjustment) {
      variables.add(index(name));
    }
    return variables.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The logistic regression of the problem ({@code outcome}) on the root ({@code focal}), every
   * demographic (one indicator per level but the first) and each adjustment code (exposed and
   * missing indicators), over the patterns where the root is known; the root is design column 1.
   * Empty when the fit fails. It is fitted on {@code groups}, which must group the root-known
   * patterns by (at least) the variables the model reads: each group is one row, weighted by its
   * people. That is exact: the frequency-weighted likelihood only sums weight times each pattern's
   * term, equal across a group.
   */
  private Optional<Model> fit(
      int outcome, int focal, List<String> adjustment, PatternGroups groups) {
    List<int[]> levels = new ArrayList<>();
    for (int variable = 0; variable < graph.nodeCount(); variable++) {
      if (isDemographic(variable)) {
        for (int level = 1; level < data.cardinality(variable); level++) {
          levels.add(new int[] {variable, level});
        }
      }
    }
    for (String name : adjustment) {
      levels.add(new int[] {index(name), 1});
      levels.add(new int[] {index(name), CausalGraphTransforms.MISSING});
    }
    // A column constant over the people (a level nobody has) would make the model singular. The
    // groups hold every code the people have, so it is constant over the groups just as well.
    levels.removeIf(level -> groups.isConstant(level[0], level[1]));
    Design design =
        new Design(
            outcome,
            focal,
            levels.stream().mapToInt(level -> level[0]).toArray(),
            levels.stream().mapToInt(level -> level[1]).toArray());
    int[] rowStarts = design.rowStarts(groups);
    int[] ones = design.ones(groups, rowStarts);
    double[] outcomes = design.outcomes(groups);
    return LogisticFit.fitIndicators(rowStarts, ones, design.width(), outcomes, groups.weights())
        .map(fit -> new Model(design, groups, fit, influences(fit, rowStarts, ones, outcomes)));
  }

  /**
   * Each row's influence on the root coefficient, per person of the row: the root's row of the
   * inverse information times the person's score (x (y - p)). Rows as {@link
   * LogisticFit#fitIndicators} takes them.
   */
  private static double[] influences(
      LogisticFit fit, int[] rowStarts, int[] ones, double[] outcomes) {
    double[] beta = fit.coefficients();
    double[] inverseRow = fit.covariance()[1];
    double[] influences = new double[outcomes.length];
    for (int row = 0; row < outcomes.length; row++) {
      double eta = 0;
      double projected = 0;
      for (int one = rowStarts[row]; one < rowStarts[row + 1]; one++) {
        eta += beta[ones[one]];
        projected += inverseRow[ones[one]];
      }
      influences[row] = projected * (outcomes[row] - 1 / (1 + Math.exp(-eta)));
    }
    return influences;
  }

  /**
   * The 0/1 design of a model over groups of patterns, one row per group: column 0 is the
   * intercept, column 1 the root ({@code focal} coded 1), and column {@code j + 2} is 1 when
   * variable {@code variables[j]} has the code {@code levels[j]}. Rows are read from the groups'
   * codes (one small array per variable) rather than from the data's columns pattern by pattern.
   */
  record Design(int outcome, int focal, int[] variables, int[] levels) {
    int width() {
      return variables.length + 2;
    }

    /** Where each group's row starts in {@link #ones}, and at the end their total length. */
    int[] rowStarts(PatternGroups groups) {
      int[] counts = new int[groups.size()];
      Arrays.fill(counts, 1);
      for (int column = 1; column < width(); column++) {
        byte[] codes = groups.codes(variable(column));
        int level = level(column);
        for (int group = 0; group < counts.length; group++) {
          counts[group] += codes[group] == level ? 1 : 0;
        }
      }
      int[] rowStarts = new int[counts.length + 1];
      for (int group = 0; group < counts.length; group++) {
        rowStarts[group + 1] = rowStarts[group] + counts[group];
      }
      return rowStarts;
    }

    /**
     * The columns where each group's row is 1, ascending within a row, rows one after the other
     * from {@code rowStarts} (of {@link #rowStarts}). One slot more than the rows fill is left at
     * the end.
     */
    int[] ones(PatternGroups groups, int[] rowStarts) {
      byte[][] codes = new byte[width()][];
      int[] levels = new int[width()];
      for (int column = 1; column < width(); column++) {
        codes[column] = groups.codes(variable(column));
        levels[column] = level(column);
      }
      int[] ones = new int[rowStarts[groups.size()] + 1];
      int next = 0;
      for (int group = 0; group < groups.size(); group++) {
        ones[next++] = 0;
        // Every column is written and the position moves on only where the row is 1: a column
        // written where the row is 0 is overwritten by the row's next 1 or the next row's
        // intercept (or lands in the spare slot), and no branch mispredicts on the codes.
        for (int column = 1; column < codes.length; column++) {
          ones[next] = column;
          next += codes[column][group] == levels[column] ? 1 : 0;
        }
      }
      return ones;
    }

    /** Each group's outcome: 1 when the problem is present (code 1), else 0. */
    double[] outcomes(PatternGroups groups) {
      byte[] codes = groups.codes(outcome);
      double[] outcomes = new double[codes.length];
      for (int group = 0; group < codes.length; group++) {
        outcomes[group] = codes[group] == 1 ? 1 : 0;
      }
      return outcomes;
    }

    /** The variable a design column after the intercept reads. */
    private int variable(int column) {
      return column == 1 ? focal : variables[column - 2];
    }

    /** The code of {@link #variable} that makes the design column 1. */
    private int level(int column) {
      return column == 1 ? 1 : levels[column - 2];
    }
  }

  /**
   * A fitted model of {@link #fit}: its design, the groups of patterns it was fitted on (one row
   * each, weighted by the group's people), the fit, and per group the influence of each of its
   * people on the root coefficient (the root's row of the inverse information times the person's
   * score x (y - p)).
   */
  record Model(Design design, PatternGroups groups, LogisticFit fit, double[] influences) {
    double rootCoefficient() {
      return fit.coefficients()[1];
    }

    /** People the model was fitted on: the sum of the frequency weights. */
    long people() {
      return Math.round(groups.totalWeight());
    }

    /**
     * The influences of the people of each of {@code rows}, which must be the people the model was
     * fitted on grouped by at least the variables it reads (its own groups, or ones that split
     * them): every person of such a group has the influence of the model's group that holds it.
     */
    double[] influence(PatternGroups rows) {
      if (rows == groups) {
        return influences.clone();
      }
      int[] holders = rows.groupsIn(groups);
      double[] influence = new double[holders.length];
      for (int row = 0; row < holders.length; row++) {
        influence[row] = influences[holders[row]];
      }
      return influence;
    }
  }

  /**
   * The total, direct and indirect effects of a chain with 95% intervals. The two models are fitted
   * on the same people, so their root coefficients are estimated jointly as one M-estimator (the
   * two models' score equations stacked): the robust (sandwich) variance of each coefficient and of
   * their difference is the weighted sum of squares of the people's influences. People are treated
   * as independent (children of one family are not clustered). The sums run over the direct model's
   * groups, which split the total model's: within one of them every person has the same influence
   * in both models, so summing weight times squared influence per group is exact.
   */
  record Effects(Estimate total, Estimate direct, Estimate indirect) {
    private static final double Z = 1.959963984540054;

    static Effects of(Model total, Model direct) {
      PatternGroups rows = direct.groups();
      if (!rows.refines(total.groups())) {
        throw new IllegalArgumentException(
            "the total and direct models must be fitted on the same people, the direct model"
                + " reading every variable the total one reads");
      }
      double[] totalInfluence = total.influence(rows);
      double[] directInfluence = direct.influence(rows);
      double[] weights = rows.weights();
      double totalVariance = 0;
      double directVariance = 0;
      double differenceVariance = 0;
      for (int row = 0; row < weights.length; row++) {
        double weight = weights[row];
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

  private boolean isDemographic(int node) {
    return demographics.contains(graph.nodes().get(node));
  }

  private int index(String name) {
    return graph.indexOf(name);
  }
}
