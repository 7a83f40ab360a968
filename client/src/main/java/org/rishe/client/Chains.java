package org.rishe.client;

import java.util.List;

/**
 * {@code GET /root-causes/{problem}/chains}: causal chains ending in one problem, strongest first.
 */
public record Chains(String run, String problem, List<Chain> chains) {
  public Chains {
    chains = chains == null ? List.of() : List.copyOf(chains);
  }

  /**
   * One chain: codes root first and problem last; effects on the log-odds scale; shareMediated is
   * the part of the total effect that passes through the middle of the chain (null when undefined).
   */
  public record Chain(
      int rank,
      List<String> path,
      double direct,
      double indirect,
      double total,
      Double shareMediated) {
    public Chain {
      path = List.copyOf(path);
    }
  }
}
