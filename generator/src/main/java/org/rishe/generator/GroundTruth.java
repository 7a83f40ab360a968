package org.rishe.generator;

import java.util.List;
import java.util.Map;

/**
 * What analytics should find in a synthetic batch, written as the truth JSON. Maps are sorted by
 * key so the file is byte-identical for equal configs.
 *
 * @param edges every true edge of the causal DAG between catalogue codes
 * @param directCauses per problem, the codes with an edge into it
 * @param indirectRoots per problem, factors that cause it only through other nodes, with each path
 * @param confoundedOnly per problem, factors associated with it only through a shared cause
 * @param unrelated factors with no edge at all
 * @param dirtyRows per reason code, how many invalid rows were injected
 * @param traps the traps the batch was drawn with
 * @param recordedAfterOnset per problem, the factors it causes that are recorded only after its
 *     onset (consequences, never causes); empty without traps
 * @param totalEffects per factor and problem, the population total effect by simulated
 *     intervention; empty unless a truth file was asked for
 */
public record GroundTruth(
    List<Edge> edges,
    Map<String, List<String>> directCauses,
    Map<String, List<IndirectRoot>> indirectRoots,
    Map<String, List<String>> confoundedOnly,
    List<String> unrelated,
    List<ProgramEffect> programEffects,
    List<OutbreakTruth> outbreaks,
    Map<String, Long> dirtyRows,
    Traps traps,
    Map<String, List<String>> recordedAfterOnset,
    List<TotalEffect> totalEffects) {

  public GroundTruth {
    edges = List.copyOf(edges);
    directCauses = Map.copyOf(directCauses);
    indirectRoots = Map.copyOf(indirectRoots);
    confoundedOnly = Map.copyOf(confoundedOnly);
    unrelated = List.copyOf(unrelated);
    programEffects = List.copyOf(programEffects);
    outbreaks = List.copyOf(outbreaks);
    dirtyRows = Map.copyOf(dirtyRows);
    recordedAfterOnset = Map.copyOf(recordedAfterOnset);
    totalEffects = List.copyOf(totalEffects);
  }

  /**
   * A factor's population total effect on a problem: the risk of the problem within follow-up,
   * among all children, had everybody been exposed ({@code riskExposed}) against had nobody been
   * ({@code riskUnexposed}), from {@link InterventionTruth}.
   *
   * @param riskRatio null when nobody would have the problem unexposed
   * @param logRiskRatioMcSe the Monte-Carlo standard error of log riskRatio (null with no cases)
   * @param families families of the simulated population
   * @param children children of the simulated population
   */
  public record TotalEffect(
      String factor,
      String problem,
      Double riskRatio,
      double riskDifference,
      double riskExposed,
      double riskUnexposed,
      Double logRiskRatioMcSe,
      long families,
      long children) {}

  /** A true edge; logOdds is the log odds ratio of {@code to} when {@code from} is exposed. */
  public record Edge(String from, String to, double logOdds) {}

  /** A root cause acting only through the intermediate codes {@code via}, root side first. */
  public record IndirectRoot(String root, List<String> via) {
    public IndirectRoot {
      via = List.copyOf(via);
    }
  }

  /**
   * A programme's true effect on one outcome.
   *
   * @param kind {@code risk_difference} for a boolean outcome (added probability) or {@code
   *     mean_difference} for a number
   * @param programKind the programme's kind, as in programs.csv
   */
  public record ProgramEffect(
      String programId, String outcome, double effect, String kind, String programKind) {}

  /** A planted outbreak; month is {@code YYYY-MM}. */
  public record OutbreakTruth(String region, String problem, String month, double multiplier) {}
}
