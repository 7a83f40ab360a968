package org.rishe.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.api.ApiDependencies;
import org.rishe.api.auth.Role;
import org.rishe.client.CausalGraph;
import org.rishe.client.Chains;
import org.rishe.client.DashboardSummary;
import org.rishe.client.Estimate;
import org.rishe.client.Hotspot;
import org.rishe.client.Problem;
import org.rishe.client.Program;
import org.rishe.client.ProgramImpact;
import org.rishe.client.QueryCubes;
import org.rishe.client.QueryRequest;
import org.rishe.client.QueryResult;
import org.rishe.client.RisheApiException;
import org.rishe.client.RisheClient;
import org.rishe.client.RootCauses;

/** The typed client against the real API serving a generated run, over HTTP. */
class RisheClientHttpTest {
  private static ServedRun served;
  private static RisheClient planner;

  @BeforeAll
  static void serve() {
    served = ServedRun.get();
    planner = RisheClient.connect(served.url() + "/api/v1/", served.key(Role.PLANNER));
  }

  @Test
  void healthNamesThePublishedRun() {
    assertThat(planner.health().status()).isEqualTo("ok");
    assertThat(planner.health().run()).isNotBlank();
  }

  @Test
  void problemsCarryTheirCounts() {
    List<Problem> problems = planner.problems();

    assertThat(problems).isNotEmpty();
    assertThat(problems).extracting(Problem::code).doesNotHaveDuplicates();
    assertThat(problems)
        .allSatisfy(
            problem -> assertThat(problem.cases()).isGreaterThanOrEqualTo(problem.people()));
  }

  @Test
  void rootCausesCarryCrudeAndAdjustedEstimatesWithIntervals() {
    String problem = mostCommonProblem();

    RootCauses causes = planner.rootCauses(problem);

    assertThat(causes.problem()).isEqualTo(problem);
    assertThat(causes.cases()).isPositive();
    assertThat(causes.factors()).isNotEmpty();
    assertThat(causes.factors())
        .allSatisfy(
            factor -> {
              assertThat(factor.evidence()).isNotBlank();
              assertThat(factor.exposedTotal() + factor.unexposedTotal())
                  .isBetween(1L, causes.population());
              assertOrdered(factor.oddsRatio());
            });
  }

  @Test
  void chainsRunFromARootToTheirProblem() {
    String problem = mostCommonProblem();

    Chains chains = planner.chains(problem);

    assertThat(chains.problem()).isEqualTo(problem);
    assertThat(chains.chains())
        .allSatisfy(
            chain -> {
              assertThat(chain.path()).last().isEqualTo(problem);
              assertThat(chain.directed()).isNotNull();
              assertThat(chain.people())
                  .satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(p).isPositive());
              assertIntervalOrdered(chain.directEffect());
              assertIntervalOrdered(chain.indirectEffect());
              assertIntervalOrdered(chain.totalEffect());
              // interventional effects: risk differences, total = direct + indirect
              assertThat(chain.effectScale()).isEqualTo(Chains.Chain.RISK_DIFFERENCE);
              if (chain.people() != null) {
                assertThat(chain.families()).isBetween(1L, chain.people());
                assertThat(chain.total())
                    .isCloseTo(chain.direct() + chain.indirect(), within(1e-12));
                assertThat(chain.total())
                    .isCloseTo(chain.riskExposed() - chain.riskUnexposed(), within(1e-12));
              }
            });
  }

  @Test
  void causalGraphEdgesJoinItsNodes() {
    CausalGraph graph = planner.causalGraph();

    List<String> ids = graph.nodes().stream().map(CausalGraph.Node::id).toList();
    assertThat(graph.nodes()).isNotEmpty();
    assertThat(graph.edges())
        .allSatisfy(
            edge -> {
              assertThat(ids).contains(edge.from(), edge.to());
              assertThat(edge.stability()).isBetween(0.0, 1.0);
            });
  }

  @Test
  void programmeImpactHasEstimatesWithIntervalsAndBalance() {
    List<Program> programs = planner.programs();
    assertThat(programs).isNotEmpty();

    ProgramImpact impact = planner.impact(programs.get(0).id());

    assertThat(impact.program().id()).isEqualTo(programs.get(0).id());
    assertThat(impact.outcomes()).isNotEmpty();
    assertThat(impact.outcomes())
        .allSatisfy(
            outcome -> {
              assertThat(outcome.treated()).isPositive();
              assertOrdered(outcome.estimate());
              assertThat(outcome.balance())
                  .allSatisfy(
                      row -> {
                        assertThat(row.strata()).isPositive();
                        assertThat(row.unbalancedStrata()).isBetween(0, row.strata());
                      });
            });
    assertThat(impact.outcomes())
        .flatMap(ProgramImpact.Outcome::balance)
        .as("a planner sees every covariate's balance")
        .isNotEmpty();
  }

  @Test
  void dashboardSummaryCountsPeopleReached() {
    DashboardSummary summary = planner.dashboardSummary(null, null, null);

    assertThat(summary.kpis().peopleReached()).isPositive();
    assertThat(summary.kpis().familiesReached()).isBetween(1L, (long) ServedRun.FAMILIES);
  }

  @Test
  void hotspotsOfEveryMonthFollowEveryPage() {
    String problem = mostCommonProblem();

    List<Hotspot> months = planner.hotspots(problem, true);

    assertThat(months).isNotEmpty();
    assertThat(months).allSatisfy(month -> assertThat(month.problem()).isEqualTo(problem));
    assertThat(planner.hotspots()).allSatisfy(hotspot -> assertThat(hotspot.flagged()).isTrue());
  }

  @Test
  void cubesNameTheMeasuresWithTheirDimensionsAndK() {
    RisheClient researcher = RisheClient.connect(served.url(), served.key(Role.RESEARCHER));

    QueryCubes cubes = researcher.cubes();

    assertThat(cubes.runId()).isEqualTo(planner.health().run());
    assertThat(cubes.minCell()).isEqualTo(ApiDependencies.DEFAULT_SMALL_CELL_THRESHOLD);
    assertThat(cubes.cubes())
        .extracting(QueryCubes.Cube::measure)
        .containsExactly("cases", "participants", "people");
    QueryCubes.Cube cases = cubes.cube("cases").orElseThrow();
    assertThat(cases.dimensions())
        .extracting(QueryCubes.Dimension::name)
        .containsExactly("region", "problem", "sex", "ageBand", "month");
    assertThat(cases.values("problem")).contains(mostCommonProblem());
  }

  @Test
  void queryReadsEveryRowItsMarginsAndTheSuppressedCells() {
    RisheClient researcher = RisheClient.connect(served.url(), served.key(Role.RESEARCHER));
    QueryCubes.Cube cases = researcher.cubes().cube("cases").orElseThrow();
    String problem = mostCommonProblem();
    long cells =
        (long) cases.values("region").size()
            * cases.values("sex").size()
            * cases.values("month").size();

    // more cells than one page of the route: the client follows the cursor
    QueryResult result =
        researcher.query(
            QueryRequest.of("cases", "region", "sex", "month")
                .where("problem", problem)
                .withTotals());

    assertThat(cells).isGreaterThan(1000);
    assertThat(result.dimensions()).containsExactly("region", "sex", "month", "problem");
    assertThat(result.minCell()).isEqualTo(ApiDependencies.DEFAULT_SMALL_CELL_THRESHOLD);
    assertThat(result.rows()).hasSize((int) cells);
    assertThat(result.rows())
        .allSatisfy(
            row -> {
              assertThat(row.get("problem")).isEqualTo(problem);
              assertThat(row.value() == null).isEqualTo(row.suppressed());
              if (!row.suppressed()) {
                assertThat(row.value() == 0 || row.value() >= result.minCell())
                    .as("served %s", row)
                    .isTrue();
              }
            });
    assertThat(result.suppressedCells())
        .isPositive()
        .isEqualTo(result.rows().stream().filter(QueryResult.Row::suppressed).count());
    assertThat(result.totals())
        .extracting(QueryResult.Margin::dimensions)
        .containsExactly(
            List.of("sex", "month", "problem"),
            List.of("region", "month", "problem"),
            List.of("region", "sex", "problem"),
            List.of("problem"));
    QueryResult.Margin total = result.totals().get(3);
    assertThat(total.rows()).hasSize(1);
    assertThat(total.rows().get(0).get("problem")).isEqualTo(problem);
    assertThat(total.rows().get(0).value()).isEqualTo(casesOf(problem));
  }

  @Test
  void unknownCodeBecomesATypedExceptionWithTheServersDetail() {
    assertThatThrownBy(() -> planner.rootCauses("no_such_problem"))
        .isInstanceOfSatisfying(
            RisheApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.title()).isEqualTo("Unknown problem");
              assertThat(e.detail()).contains("no problem 'no_such_problem'");
            })
        .hasMessageStartingWith("404 Unknown problem: no problem 'no_such_problem'");
  }

  @Test
  void wrongKeyIsUnauthorizedAndWrongRoleForbidden() {
    RisheClient stranger = RisheClient.connect(served.url(), "rk_nobody_secret");
    RisheClient researcher = RisheClient.connect(served.url(), served.key(Role.RESEARCHER));

    assertThatThrownBy(stranger::problems)
        .isInstanceOfSatisfying(
            RisheApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> researcher.dashboardSummary(null, null, null))
        .isInstanceOfSatisfying(
            RisheApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void unreachableServerSaysHowToStartIt() {
    RisheClient nowhere = RisheClient.connect("http://127.0.0.1:1", "rk_a_b");

    assertThatThrownBy(nowhere::health).hasMessageContaining("bin/rishe serve");
  }

  private static String mostCommonProblem() {
    return planner.problems().stream()
        .max((a, b) -> Long.compare(a.cases(), b.cases()))
        .orElseThrow()
        .code();
  }

  private static long casesOf(String problem) {
    return planner.problems().stream()
        .filter(candidate -> candidate.code().equals(problem))
        .findFirst()
        .orElseThrow()
        .cases();
  }

  private static void assertOrdered(Estimate estimate) {
    if (estimate.estimate() != null && estimate.low() != null && estimate.high() != null) {
      assertThat(estimate.low()).isLessThanOrEqualTo(estimate.estimate());
      assertThat(estimate.estimate()).isLessThanOrEqualTo(estimate.high());
    }
  }

  /** An interval's low bound is not above its high one (the estimate may lie outside it). */
  private static void assertIntervalOrdered(Estimate estimate) {
    if (estimate.low() != null && estimate.high() != null) {
      assertThat(estimate.low()).isLessThanOrEqualTo(estimate.high());
    }
  }
}
