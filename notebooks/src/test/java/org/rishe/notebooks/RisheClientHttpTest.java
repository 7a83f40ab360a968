package org.rishe.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;
import org.rishe.client.CausalGraph;
import org.rishe.client.Chains;
import org.rishe.client.DashboardSummary;
import org.rishe.client.Estimate;
import org.rishe.client.Hotspot;
import org.rishe.client.Problem;
import org.rishe.client.Program;
import org.rishe.client.ProgramImpact;
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
        .allSatisfy(chain -> assertThat(chain.path()).last().isEqualTo(problem));
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
            });
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

  private static void assertOrdered(Estimate estimate) {
    if (estimate.estimate() != null && estimate.low() != null && estimate.high() != null) {
      assertThat(estimate.low()).isLessThanOrEqualTo(estimate.estimate());
      assertThat(estimate.estimate()).isLessThanOrEqualTo(estimate.high());
    }
  }
}
