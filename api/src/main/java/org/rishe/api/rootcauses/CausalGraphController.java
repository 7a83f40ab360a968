package org.rishe.api.rootcauses;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.Language;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;

/**
 * {@code GET /causal-graph} and {@code GET /root-causes/{problem}/chains}: the learnt graph over
 * demographics, factors and problems, and for one problem its chains from roots through mediators.
 * The only count is a chain's sample size ({@code people}), which a researcher does not see when it
 * is 1 to k-1; otherwise no role sees less than another.
 */
public final class CausalGraphController {
  private final ResultsStore results;
  private final Disclosure disclosure;

  public final Endpoint graph =
      Endpoint.of("the learnt causal graph over demographics, factors and problems", this::graph)
          .returns(GraphResponse.class)
          .query("lang", "label language: en (default) or fa")
          .table()
          .personDerived();

  public final Endpoint chains =
      Endpoint.of(
              "a problem's chains from root causes through mediators, with effects", this::chains)
          .returns(ChainsResponse.class)
          .table()
          .personDerived();

  public CausalGraphController(ResultsStore results, Disclosure disclosure) {
    this.results = requireNonNull(results, "results is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
  }

  /** A variable of the graph: {@code kind} is demographic, factor or problem. */
  public record NodeView(String id, String kind, String label) {}

  /** An edge: {@code from -> to} when directed, else {@code from -- to}. */
  public record EdgeView(String from, String to, boolean directed, double stability) {}

  /** Every node, and one page of edges (the table: CSV on ask gives the edges). */
  public record GraphResponse(
      String run, List<NodeView> nodes, List<EdgeView> edges, String nextCursor) {}

  public record ChainsResponse(
      String run, String problem, List<ChainView> chains, String nextCursor) {}

  private void graph(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    boolean persian = Language.of(ctx).equals("fa");
    List<NodeView> nodes =
        run.rootCauses().nodes().stream()
            .map(
                node ->
                    new NodeView(node.id(), node.kind(), persian ? node.labelFa() : node.labelEn()))
            .toList();
    List<EdgeView> edges =
        run.rootCauses().edges().stream()
            .map(edge -> new EdgeView(edge.from(), edge.to(), edge.directed(), edge.stability()))
            .toList();
    Tables.respond(
        ctx,
        run.runId(),
        EdgeView.class,
        edges,
        (page, next) -> new GraphResponse(run.runId(), nodes, page, next));
  }

  private void chains(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String problem = ctx.pathParam("problem");
    List<String> valid = run.problems().stream().map(PublishedRun.ProblemRow::code).toList();
    if (!valid.contains(problem)) {
      throw ApiProblem.unknownCode("problem", problem, valid);
    }
    SmallCells rule = disclosure.rule(Authorizer.key(ctx).role(), run);
    List<ChainView> chains =
        run.rootCauses().chains().stream()
            .filter(chain -> chain.problem().equals(problem))
            .map(chain -> ChainView.of(chain, rule))
            .toList();
    Tables.respond(
        ctx,
        run.runId(),
        ChainView.class,
        chains,
        (page, next) -> new ChainsResponse(run.runId(), problem, page, next));
  }
}
