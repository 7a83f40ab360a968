package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.Edge;

/**
 * The path search of {@link RootCauseChains}: the candidate paths from each possible ancestor of a
 * problem into it in the learnt graph, how many of a path's links are undirected, and what a path's
 * root is adjusted for (its confounders, never its descendants). Reads the graph only, never the
 * data.
 */
final class ChainPaths {
  private final CausalGraph graph;
  private final Set<String> demographics;
  private final Map<String, Integer> tiers;

  /**
   * {@code tiers} gives each variable's tier (lower is earlier); {@code demographics} are never
   * part of a path nor adjusted for here (the models add them).
   */
  ChainPaths(CausalGraph graph, Set<String> demographics, Map<String, Integer> tiers) {
    this.graph = requireNonNull(graph, "graph is null");
    this.demographics = Set.copyOf(demographics);
    this.tiers = Map.copyOf(tiers);
  }

  /** How many links of the path are undirected in the graph (0: a directed path). */
  int undirectedLinks(List<String> path) {
    int undirected = 0;
    for (int step = 0; step + 1 < path.size(); step++) {
      if (!isDirectedLink(index(path.get(step)), index(path.get(step + 1)))) {
        undirected++;
      }
    }
    return undirected;
  }

  /**
   * The candidate paths into {@code problem}, at most {@code maximumEdges} long: every directed
   * path from each ancestor, and, for a code with no directed path, its possibly directed paths (no
   * link pointing back; undirected links read forward) with the fewest undirected links, then the
   * fewest links. Only those can head its chain, and enumerating every possibly directed path would
   * not end: a few undirected links among family factors already give thousands.
   */
  List<List<String>> paths(String problem, int maximumEdges) {
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
  List<String> adjustment(List<String> path, List<String> mediators) {
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

  private boolean isDemographic(int node) {
    return demographics.contains(graph.nodes().get(node));
  }

  private int index(String name) {
    return graph.indexOf(name);
  }
}
