package org.rishe.analytics.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The adjacency phase of PC-stable: at each depth every pair is tested against conditioning sets
 * drawn from the adjacencies frozen at the start of that depth, so the result does not depend on
 * the order of variables. Pairs forbidden in both directions are removed untested; required pairs
 * are kept untested.
 */
final class SkeletonSearch {
  private final IndependenceTest test;
  private final PcSettings settings;
  private final BackgroundKnowledge knowledge;

  SkeletonSearch(IndependenceTest test, PcSettings settings, BackgroundKnowledge knowledge) {
    this.test = test;
    this.settings = settings;
    this.knowledge = knowledge;
  }

  /** Removes edges from the complete graph and records why, in the given separation sets. */
  MixedGraph search(SeparationSets separationSets) {
    int size = test.variableCount();
    MixedGraph graph = MixedGraph.complete(size);
    for (int x = 0; x < size; x++) {
      for (int y = x + 1; y < size; y++) {
        if (knowledge.isForbidden(x, y) && knowledge.isForbidden(y, x)) {
          graph.remove(x, y);
        }
      }
    }
    int depth = -1;
    while (graph.maxDegree() - 1 > depth
        && (settings.maxDepth() == PcSettings.UNLIMITED_DEPTH || depth < settings.maxDepth())) {
      depth++;
      int[][] frozen = new int[size][];
      for (int node = 0; node < size; node++) {
        frozen[node] = graph.neighbors(node);
      }
      List<List<Removal>> removals = testDepth(frozen, depth);
      for (List<Removal> fromNode : removals) {
        for (Removal removal : fromNode) {
          separationSets.add(removal.x(), removal.y(), removal.separating());
          graph.remove(removal.x(), removal.y());
        }
      }
    }
    return graph;
  }

  private List<List<Removal>> testDepth(int[][] frozen, int depth) {
    if (settings.threads() == 1) {
      return IntStream.range(0, frozen.length).mapToObj(x -> testNode(frozen, x, depth)).toList();
    }
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      return pool.submit(
              () ->
                  IntStream.range(0, frozen.length)
                      .parallel()
                      .mapToObj(x -> testNode(frozen, x, depth))
                      .toList())
          .get();
    } catch (InterruptedException exception) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("PC skeleton search was interrupted", exception);
    } catch (ExecutionException exception) {
      throw new IllegalStateException("PC skeleton search failed", exception.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private List<Removal> testNode(int[][] frozen, int x, int depth) {
    int[] neighbors = frozen[x];
    if (neighbors.length - 1 < depth) {
      return List.of();
    }
    if (depth == 0) {
      return testNeighbors(x, neighbors, depth);
    }
    // Every test of x at this depth lies within x and its neighbours.
    int[] neighborhood = Arrays.copyOf(neighbors, neighbors.length + 1);
    neighborhood[neighbors.length] = x;
    test.prepare(x, neighborhood);
    try {
      return testNeighbors(x, neighbors, depth);
    } finally {
      test.release(x);
    }
  }

  private List<Removal> testNeighbors(int x, int[] neighbors, int depth) {
    List<Removal> removals = new ArrayList<>();
    for (int y : neighbors) {
      if (knowledge.isRequired(x, y) || knowledge.isRequired(y, x)) {
        continue;
      }
      int[] candidates = new int[neighbors.length - 1];
      int next = 0;
      for (int neighbor : neighbors) {
        if (neighbor != y) {
          candidates[next++] = neighbor;
        }
      }
      // Stable PC in causal-learn keeps testing after the first separating set and keeps the
      // union of all of them; doing the same reproduces its collider decisions.
      boolean separated = false;
      List<Integer> union = new ArrayList<>();
      for (int[] conditioning : Combinations.of(candidates, depth)) {
        if (test.pValue(x, y, conditioning) > settings.alpha()) {
          separated = true;
          for (int node : conditioning) {
            if (!union.contains(node)) {
              union.add(node);
            }
          }
        }
      }
      if (separated) {
        removals.add(new Removal(x, y, union.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return removals;
  }

  private record Removal(int x, int y, int[] separating) {}
}
