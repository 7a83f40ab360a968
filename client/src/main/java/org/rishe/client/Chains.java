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
   * One chain: codes root first and problem last; effects on the log-odds scale, each with the
   * bounds of its 95% confidence interval (null where the server gives none, as for runs published
   * before chains had intervals).
   *
   * @param shareMediated the part of the total effect that passes through the middle of the chain
   *     (null when undefined)
   * @param directed true when every link of the path is directed in the learnt graph; false for a
   *     possible chain, one or more of whose links the data left undirected (read forward). Never
   *     null: a server that does not send it published directed chains only, so it reads as true
   * @param people how many people the effects were estimated on; null when not known (or withheld
   *     from a researcher as a small count)
   */
  public record Chain(
      int rank,
      List<String> path,
      Double direct,
      Double indirect,
      Double total,
      Double shareMediated,
      Boolean directed,
      Long people,
      Double directLow,
      Double directHigh,
      Double indirectLow,
      Double indirectHigh,
      Double totalLow,
      Double totalHigh) {
    public Chain {
      path = List.copyOf(path);
      directed = directed == null || directed;
    }

    /** Whether some links' direction could not be decided from the data (not {@code directed}). */
    public boolean possible() {
      return !directed;
    }

    /** The direct effect with its interval. */
    public Estimate directEffect() {
      return new Estimate(direct, directLow, directHigh);
    }

    /** The indirect effect (through the chain's mediators) with its interval. */
    public Estimate indirectEffect() {
      return new Estimate(indirect, indirectLow, indirectHigh);
    }

    /** The total effect with its interval. */
    public Estimate totalEffect() {
      return new Estimate(total, totalLow, totalHigh);
    }
  }
}
