package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RisheClient#rootCauses} against fixed answers of the route: a factor whose total effect
 * carries its test's p and q, one as a server before them answered, and one withheld.
 */
class RisheClientRootCausesTest {
  private static final String ANSWER =
      """
      {"run":"run-1","problem":"child_labour","region":null,"population":1240,"cases":120,
       "nextCursor":null,"factors":[
        {"factor":"out_of_school","label":"Out of school","exposedCases":50,"exposedTotal":200,
         "unexposedCases":70,"unexposedTotal":1000,
         "relativeRisk":{"estimate":3.2,"low":2.3,"high":4.4},
         "oddsRatio":{"estimate":3.9,"low":2.6,"high":5.6},
         "adjustedOddsRatio":{"estimate":2.5,"low":1.7,"high":3.6},
         "attributableFraction":{"estimate":0.24,"low":0.1,"high":0.35},
         "pValue":1e-7,"qValue":1e-6,"medianLeadDays":150.0,"evidence":"strong",
         "totalEffect":{"riskRatio":{"estimate":2.1,"low":1.5,"high":2.9},
          "riskDifference":{"estimate":0.12,"low":0.06,"high":0.18},
          "adjustedFor":["parent_illiterate"],"p":1e-5,"q":4e-5},
         "unansweredMerged":false},
        {"factor":"parent_illiterate","label":"Parent illiterate","exposedCases":60,
         "exposedTotal":300,"unexposedCases":60,"unexposedTotal":900,
         "relativeRisk":{"estimate":3.0,"low":2.1,"high":4.2},
         "oddsRatio":{"estimate":3.5,"low":2.4,"high":5.1},
         "adjustedOddsRatio":{"estimate":2.0,"low":1.4,"high":2.9},
         "attributableFraction":{"estimate":0.25,"low":0.1,"high":0.4},
         "pValue":1e-6,"qValue":1e-5,"medianLeadDays":200.0,"evidence":"strong",
         "totalEffect":{"riskRatio":{"estimate":1.8,"low":1.1,"high":2.9},
          "riskDifference":{"estimate":0.08,"low":0.01,"high":0.15},"adjustedFor":[]},
         "unansweredMerged":false},
        {"factor":"learning_difficulty","label":"Learning difficulty","exposedCases":null,
         "exposedTotal":null,"unexposedCases":null,"unexposedTotal":null,
         "relativeRisk":{"estimate":null,"low":null,"high":null},
         "oddsRatio":{"estimate":null,"low":null,"high":null},
         "adjustedOddsRatio":{"estimate":null,"low":null,"high":null},
         "attributableFraction":{"estimate":null,"low":null,"high":null},
         "pValue":null,"qValue":null,"medianLeadDays":null,"evidence":"insufficient data",
         "totalEffect":null,"unansweredMerged":false}]}""";

  private FakeApi api;
  private RisheClient client;

  @BeforeEach
  void start() throws IOException {
    api = new FakeApi(Map.of("/api/v1/root-causes", exchange -> FakeApi.answer(exchange, ANSWER)));
    client = api.client();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aTotalEffectCarriesItsTestsPAndQ() {
    RootCauses causes = client.rootCauses("child_labour");

    RootCauses.TotalEffect total = causes.factors().get(0).totalEffect();
    assertThat(total.riskRatio()).isEqualTo(new Estimate(2.1, 1.5, 2.9));
    assertThat(total.adjustedFor()).containsExactly("parent_illiterate");
    assertThat(total.p()).isEqualTo(1e-5);
    assertThat(total.q()).isEqualTo(4e-5);
    assertThat(causes.factors().get(0).evidence()).isEqualTo("strong");
  }

  @Test
  void aServerBeforeTheTestAnswersWithoutPAndQAndAWithheldRowWithoutATotalEffect() {
    RootCauses causes = client.rootCauses("child_labour");

    RootCauses.TotalEffect older = causes.factors().get(1).totalEffect();
    assertThat(older.riskRatio()).isEqualTo(new Estimate(1.8, 1.1, 2.9));
    assertThat(older.p()).isNull();
    assertThat(older.q()).isNull();
    assertThat(causes.factors().get(2).totalEffect()).isNull();
    assertThat(causes.factors().get(2).evidence()).isEqualTo("insufficient data");
  }
}
