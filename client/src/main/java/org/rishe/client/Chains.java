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
   * One chain: codes root first and problem last; effects on the scale {@code effectScale} names,
   * each with the bounds of its 95% confidence interval (null where the server gives none, as for
   * runs published before chains had intervals).
   *
   * @param shareMediated the part of the total effect that passes through the middle of the chain
   *     (null when undefined)
   * @param directed true when every link of the path is directed in the learnt graph; false for a
   *     possible chain, one or more of whose links the data left undirected (read forward). Never
   *     null: a server that does not send it published directed chains only, so it reads as true
   * @param people how many people the effects were estimated on; null when not known (or withheld
   *     from a researcher as a small count)
   * @param effectScale "risk difference" (interventional effects by the mediational g-formula,
   *     intervals clustered by family) or "log-odds" (runs published before, difference method).
   *     Never null: a server that does not send it served log-odds effects only, so it reads as
   *     {@value #LOG_ODDS}
   * @param families how many families those people belong to (the clusters of the intervals); null
   *     when not known or withheld
   * @param riskExposed the standardised risk of the problem had everybody been exposed to the root;
   *     null when not known or withheld
   * @param riskUnexposed the same had nobody been exposed; null when not known or withheld
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
      Double totalHigh,
      String effectScale,
      Long families,
      Double riskExposed,
      Double riskUnexposed) {
    /** The scale of the effects of chains served before the scale was named. */
    public static final String LOG_ODDS = "log-odds";

    /** The scale of the interventional effects. */
    public static final String RISK_DIFFERENCE = "risk difference";

    public Chain {
      path = List.copyOf(path);
      directed = directed == null || directed;
      effectScale = effectScale == null ? LOG_ODDS : effectScale;
    }

    /** Whether the effects are risk differences (else log-odds, from an older run or server). */
    public boolean onRiskDifferenceScale() {
      return RISK_DIFFERENCE.equals(effectScale);
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
