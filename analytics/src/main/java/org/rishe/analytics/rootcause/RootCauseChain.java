package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One ranked chain of a problem: a path of the causal graph from a root through mediators to the
 * problem, with effects of the root on the log-odds scale.
 *
 * @param path codes, root first, problem last
 * @param directed true when every link of the path is directed in the graph; false for a possible
 *     chain, some of whose links the data left undirected (read here as pointing forward)
 * @param total coefficient of the root adjusted for demographics and its non-descendant
 *     contemporaries
 * @param direct the same coefficient adjusted also for the path's mediators
 * @param indirect {@code total - direct}
 * @param shareMediated {@code indirect / total}, null when the total is about 0
 */
public record RootCauseChain(
    String problem,
    int rank,
    List<String> path,
    boolean directed,
    double direct,
    double indirect,
    double total,
    Double shareMediated) {
  public RootCauseChain {
    requireNonNull(problem, "problem is null");
    path = List.copyOf(path);
    if (path.size() < 2 || !path.get(path.size() - 1).equals(problem)) {
      throw new IllegalArgumentException(
          "a chain of " + problem + " must end at it and have a root, got " + path);
    }
  }
}
