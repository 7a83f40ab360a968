package org.rishe.api.rootcauses;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.results.RootCauseResults;

/**
 * One chain of {@code GET /root-causes/{problem}/chains}: codes root first and problem last;
 * effects on the scale {@code effectScale} names, each with its 95% confidence interval: the
 * interventional effects of the mediational g-formula on the risk-difference scale, or, for runs
 * published before them, difference-method effects on the log-odds scale. The fields that came
 * later ({@code directed} on) follow the first ones, so a CSV reader by position keeps working.
 *
 * @param directed false for a possible chain: the data left one or more of its links undirected,
 *     and the chain reads them forward
 * @param people how many people the effects were estimated on; null when the run does not say or,
 *     for a researcher, when it is 1 to k-1, and then every effect and bound is null too
 */
public record ChainView(
    int rank,
    List<String> path,
    @Schema(
            description =
                "effect of the root not passing through the chain's mediators, on effectScale:"
                    + " interventional direct effect psi(1,0) - psi(0,0) (risk difference), or for"
                    + " older runs the root's log-odds coefficient adjusted for the mediators")
        Double direct,
    @Schema(
            description =
                "effect of the root through the chain's mediators jointly, on effectScale:"
                    + " interventional indirect effect psi(1,1) - psi(1,0) (risk difference), or"
                    + " for older runs total minus direct (log-odds)")
        Double indirect,
    @Schema(
            description =
                "total effect of the root on the problem, on effectScale: psi(1,1) - psi(0,0) ="
                    + " direct + indirect (risk difference), or for older runs the root's log-odds"
                    + " coefficient")
        Double total,
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
    @Schema(description = "95% confidence bound of total; null when no interval") Double totalHigh,
    @Schema(
            description =
                "scale of direct, indirect and total: \"risk difference\" (interventional effects"
                    + " by the mediational g-formula, intervals clustered by family) or"
                    + " \"log-odds\" (runs published before, difference method, people treated as"
                    + " independent). Paths and ranks are chosen from the same data, so intervals"
                    + " are conditional on the selected graph and path")
        String effectScale,
    @Schema(
            description =
                "how many families the people belong to: the clusters of the intervals; null when"
                    + " not known")
        Long families,
    @Schema(
            description =
                "standardised risk of the problem had everybody been exposed to the root,"
                    + " psi(1,1); null when not known")
        Double riskExposed,
    @Schema(
            description =
                "standardised risk of the problem had nobody been exposed to the root, psi(0,0);"
                    + " null when not known")
        Double riskUnexposed) {

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
          null,
          chain.effectScale(),
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
        chain.total().high(),
        chain.effectScale(),
        chain.families(),
        chain.riskExposed(),
        chain.riskUnexposed());
  }
}
