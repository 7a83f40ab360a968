package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.rishe.analytics.Awaited;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.spark.memory.HeapReservation;
import org.rishe.spark.progress.WorkProgress;

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
 * <p>Effects are interventional effects on the risk-difference scale by the mediational g-formula
 * ({@link InterventionalEffects}) on the same pattern counts the graph was learnt from, each model
 * on the patterns merged by the codes of the variables it reads ({@link PatternGroups}). The
 * confounders C are the demographics and the codes of the root's own or earlier tiers that are not
 * its descendants in the graph (so never a mediator); the outcome model adds the path's mediators.
 * People with the root missing are left out, and so are those whose code of a confounder nobody of
 * the other exposure shares (outside the overlap, where no weighting can stand them in); a missing
 * confounder or mediator code enters as its own level. The path and the ranking are chosen from the
 * same data the effects are estimated on, so the intervals are conditional on the selected graph
 * and path.
 *
 * <p>This class ranks the chains; the path search is {@link ChainPaths}, the models {@link
 * ChainModels}, the effects {@link InterventionalEffects} and their intervals {@link
 * FamilyClustering}.
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

  private final CausalGraph graph;
  private final ChainPaths paths;
  private final ChainModels models;

  private RootCauseChains(
      DiscreteData data, CausalGraph graph, Set<String> demographics, Map<String, Integer> tiers) {
    requireNonNull(data, "data is null");
    this.graph = requireNonNull(graph, "graph is null");
    if (!graph.nodes().equals(data.names())) {
      throw new IllegalArgumentException("the graph and the data must have the same variables");
    }
    this.paths = new ChainPaths(graph, demographics, tiers);
    this.models = new ChainModels(data, graph, demographics);
  }

  /**
   * Chains of every problem in {@code problems}, with intervals that treat every person as a family
   * of their own (the counts hold no families; {@link CausalGraphStep} clusters by family with
   * {@link #estimate} instead). {@code tiers} gives each variable's tier (lower is earlier); {@code
   * demographics} are adjusted for always and never part of a path.
   */
  public static List<RootCauseChain> find(
      DiscreteData data,
      CausalGraph graph,
      Set<String> demographics,
      Map<String, Integer> tiers,
      List<String> problems,
      Settings settings) {
    return FamilyClustering.independentPeople(
        data, estimate(data, graph, demographics, tiers, problems, settings, line -> {}));
  }

  /**
   * A ranked chain with its effects and the people's influences on them, before its intervals
   * (which need the people's families).
   */
  record Estimated(
      String problem,
      int rank,
      List<String> path,
      boolean directed,
      InterventionalEffects effects) {
    /**
     * The chain with 95% intervals from the sums over {@code families} of the families' squared
     * influence sums (total, direct, indirect).
     */
    RootCauseChain withIntervals(double[] sumsOfSquares, long families) {
      double total = effects.total();
      Double share = Math.abs(total) < NEGLIGIBLE_TOTAL ? null : effects.indirect() / total;
      return new RootCauseChain(
          problem,
          rank,
          path,
          directed,
          effects.people(),
          families,
          FamilyClustering.interval(effects.direct(), sumsOfSquares[1], families),
          FamilyClustering.interval(effects.indirect(), sumsOfSquares[2], families),
          FamilyClustering.interval(total, sumsOfSquares[0], families),
          share,
          effects.riskExposed(),
          effects.riskUnexposed());
    }
  }

  /**
   * The ranked chains of every problem in {@code problems} with their effects ({@link #find}), with
   * a line to {@code progress} every 30 s while the roots' models are fitted: how many roots of all
   * the problems are done, and the time left at that pace.
   */
  static List<Estimated> estimate(
      DiscreteData data,
      CausalGraph graph,
      Set<String> demographics,
      Map<String, Integer> tiers,
      List<String> problems,
      Settings settings,
      Consumer<String> progress) {
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
      // every problem's roots are queued at once: a problem's last, slowest root no longer keeps
      // the other worker idle until the next problem starts
      Map<String, List<Future<Optional<Candidate>>>> pending = new LinkedHashMap<>();
      for (String problem : problems) {
        pending.put(problem, chains.submitRoots(problem, settings, workers));
      }
      List<Future<Optional<Candidate>>> roots =
          pending.values().stream().flatMap(List::stream).toList();
      List<Estimated> all = new ArrayList<>();
      try (WorkProgress watch =
          WorkProgress.watch(
              "chains' models",
              "roots",
              roots.size(),
              () -> roots.stream().filter(Future::isDone).count(),
              progress)) {
        for (Map.Entry<String, List<Future<Optional<Candidate>>>> problem : pending.entrySet()) {
          all.addAll(ranked(problem.getKey(), problem.getValue(), settings));
        }
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
  private record Candidate(List<String> path, int undirectedLinks, InterventionalEffects effects) {
    boolean directed() {
      return undirectedLinks == 0;
    }

    double total() {
      return effects.total();
    }

    double indirect() {
      return effects.indirect();
    }
  }

  /** A propensity model with the groups it was fitted on, which its outcome models refine. */
  private record Propensity(PatternGroups groups, Optional<ChainModels.Model> model) {}

  /** Queues the best candidate of each root of {@code problem}, in root order. */
  private List<Future<Optional<Candidate>>> submitRoots(
      String problem, Settings settings, ExecutorService workers) {
    Map<String, List<List<String>>> byRoot = new LinkedHashMap<>();
    for (List<String> path : paths.paths(problem, settings.maximumEdges())) {
      byRoot.computeIfAbsent(path.get(0), root -> new ArrayList<>()).add(path);
    }
    List<Future<Optional<Candidate>>> pending = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> entry : byRoot.entrySet()) {
      pending.add(workers.submit(() -> bestCandidate(problem, entry.getKey(), entry.getValue())));
    }
    return pending;
  }

  /** The problem's chains: its roots' candidates ranked, at most the settings' number. */
  private static List<Estimated> ranked(
      String problem, List<Future<Optional<Candidate>>> pending, Settings settings) {
    List<Candidate> candidates = new ArrayList<>();
    for (Future<Optional<Candidate>> candidate : pending) {
      Awaited.result(candidate, "fitting the chains' models").ifPresent(candidates::add);
    }
    // Directed chains first, then possible ones; each by total effect, then indirect effect.
    candidates.sort(
        Comparator.comparing((Candidate c) -> !c.directed())
            .thenComparingDouble(c -> -c.total())
            .thenComparingDouble(c -> -c.indirect())
            .thenComparing(c -> String.join(" ", c.path())));
    List<Estimated> chains = new ArrayList<>();
    for (Candidate candidate :
        candidates.subList(0, Math.min(candidates.size(), settings.chainsPerProblem()))) {
      chains.add(
          new Estimated(
              problem,
              chains.size() + 1,
              candidate.path(),
              candidate.directed(),
              candidate.effects()));
    }
    return chains;
  }

  /**
   * The candidate of one root: among its paths with the fewest undirected links (its directed paths
   * when it has any), the one whose mediators carry the largest part of its effect, then the
   * shortest; empty when no model of the root could be fitted. Models are fitted root by root and
   * only their effects kept. Each propensity model is fitted once per set of confounders, on the
   * root-known patterns in the overlap ({@link ChainModels#overlapping}) grouped by the variables
   * it reads; an outcome model reads also the problem and the path's mediators and is fitted on
   * those groups split by their codes.
   */
  private Optional<Candidate> bestCandidate(
      String problem, String root, List<List<String>> rootPaths) {
    int outcome = graph.indexOf(problem);
    int focal = graph.indexOf(root);
    int[] rootKnown = models.units(focal);
    int fewest = rootPaths.stream().mapToInt(paths::undirectedLinks).min().orElseThrow();
    try (HeapReservation heap =
        HeapReservation.reserve((long) rootKnown.length * BYTES_PER_PATTERN)) {
      return bestCandidate(problem, rootPaths, outcome, focal, rootKnown, fewest);
    }
  }

  /**
   * About the heap a root's models and effects hold per pattern they read (the groups' codes and
   * weights, two sparse designs, the predictors and risks of {@link InterventionalEffects}):
   * reserved before they are built, so that a small driver heap takes the roots of a large
   * population one at a time rather than two at once.
   */
  private static final long BYTES_PER_PATTERN = 256;

  private Optional<Candidate> bestCandidate(
      String problem,
      List<List<String>> rootPaths,
      int outcome,
      int focal,
      int[] rootKnown,
      int fewest) {
    Map<List<String>, Propensity> propensities = new HashMap<>();
    // Many of a root's paths have the same candidate confounders: each list is checked once.
    Map<List<String>, List<String>> adjustable = new HashMap<>();
    Candidate best = null;
    for (List<String> path : rootPaths) {
      if (paths.undirectedLinks(path) != fewest) {
        continue;
      }
      List<String> confounders =
          adjustable.computeIfAbsent(
              paths.adjustment(path, List.of()),
              candidates -> models.adjustable(rootKnown, focal, candidates));
      Propensity propensity =
          propensities.computeIfAbsent(
              confounders,
              adjustment -> {
                int[] read = models.variablesRead(focal, focal, adjustment);
                PatternGroups groups =
                    models.groups(models.overlapping(rootKnown, focal, read), read);
                return new Propensity(groups, models.fitPropensity(focal, adjustment, groups));
              });
      if (propensity.model().isEmpty()) {
        continue;
      }
      List<String> mediators = path.subList(1, path.size() - 1);
      List<String> outcomeAdjustment = new ArrayList<>(confounders);
      outcomeAdjustment.addAll(mediators);
      Optional<ChainModels.Model> outcomeModel =
          models.fit(
              outcome,
              focal,
              outcomeAdjustment,
              mediators,
              propensity.groups().refine(models.variablesRead(outcome, focal, outcomeAdjustment)));
      if (outcomeModel.isEmpty()) {
        continue;
      }
      Candidate offered =
          new Candidate(
              path,
              fewest,
              InterventionalEffects.of(
                  focal, outcomeModel.get(), propensity.model().get(), path.size() > 2));
      if (best == null
          || offered.indirect() > best.indirect()
          || (offered.indirect() == best.indirect()
              && offered.path().size() < best.path().size())) {
        best = offered;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The chain paths of one problem, without effects: for tests of the path search. */
  static List<List<String>> paths(
      DiscreteData data,
      CausalGraph graph,
      Set<String> demographics,
      Map<String, Integer> tiers,
      String problem,
      int maximumEdges) {
    return new RootCauseChains(data, graph, demographics, tiers).paths.paths(problem, maximumEdges);
  }
}
