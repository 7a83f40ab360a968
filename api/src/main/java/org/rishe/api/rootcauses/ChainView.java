package org.rishe.api.rootcauses;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.results.RootCauseResults;

/**
 * One chain of {@code GET /root-causes/{problem}/chains}: codes root first and problem last;
 * effects on the log-odds scale, each with its 95% confidence interval. The fields that came later
 * ({@code directed} on) follow the first ones, so a CSV reader by position keeps working.
 *
 * @param directed false for a possible chain: the data left one or more of its links undirected,
 *     and the chain reads them forward
 * @param people how many people the effects were estimated on; null when the run does not say or,
 *     for a researcher, when it is 1 to k-1, and then every effect and bound is null too
 */
public record ChainView(
    int rank,
    List<String> path,
    @Schema(description = "effect of the root not passing through the chain's mediators (log-odds)")
        Double direct,
    @Schema(description = "total minus direct (log-odds)") Double indirect,
    @Schema(description = "effect of the root on the problem (log-odds)") Double total,
    @Schema(description = "indirect / total; null when the total is about 0") Double shareMediated,
    @Schema(
            description =
                "true when every link is directed in the learnt graph; false for a possible chain,"
                    + " one or more of whose links the data left undirected (read forward)")
        boolean directed,
    @Schema(description = "how many people the effects were estimated on; null when not known")
        Long people,
    @Schema(description = "95% confidence bound of direct; null when no interval") Double directLow,
    @Schema(description = "95% confidence bound of direct; null when no interval")
        Double directHigh,
    @Schema(description = "95% confidence bound of indirect; null when no interval")
        Double indirectLow,
    @Schema(description = "95% confidence bound of indirect; null when no interval")
        Double indirectHigh,
    @Schema(description = "95% confidence bound of total; null when no interval") Double totalLow,
    @Schema(description = "95% confidence bound of total; null when no interval")
        Double totalHigh) {

  /**
   * The view of a chain as the caller may see it: for a researcher, a chain estimated on 1 to k-1
   * people keeps its path and direction only.
   */
  static ChainView of(RootCauseResults.Chain chain, SmallCells rule) {
    if (chain.people() != null && rule.isSmall(chain.people())) {
      return new ChainView(
          chain.rank(),
          chain.path(),
          null,
          null,
          null,
          null,
          chain.directed(),
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    return new ChainView(
        chain.rank(),
        chain.path(),
        chain.direct().estimate(),
        chain.indirect().estimate(),
        chain.total().estimate(),
        chain.shareMediated(),
        chain.directed(),
        chain.people(),
        chain.direct().low(),
        chain.direct().high(),
        chain.indirect().low(),
        chain.indirect().high(),
        chain.total().low(),
        chain.total().high());
  }
}
