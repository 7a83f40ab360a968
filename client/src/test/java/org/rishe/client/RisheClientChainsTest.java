package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RisheClient#chains} against fixed answers of the route: one with a chain's direction,
 * sample size and intervals, one as a server before those fields answered.
 */
class RisheClientChainsTest {
  private static final String CURRENT =
      """
      {"run":"run-1","problem":"child_labour","nextCursor":null,"chains":[
        {"rank":1,"path":["parent_illiterate","out_of_school","child_labour"],"direct":0.1,
         "indirect":0.3,"total":0.4,"shareMediated":0.75,"directed":true,"people":11620,
         "directLow":0.02,"directHigh":0.18,"indirectLow":0.21,"indirectHigh":0.39,
         "totalLow":0.3,"totalHigh":0.5,"effectScale":"risk difference","families":5210,
         "riskExposed":0.55,"riskUnexposed":0.15},
        {"rank":2,"path":["age_band","out_of_school","child_labour"],"direct":0.0,"indirect":0.0,
         "total":0.0,"shareMediated":null,"directed":false,"people":null,"directLow":null,
         "directHigh":null,"indirectLow":null,"indirectHigh":null,"totalLow":-0.09,
         "totalHigh":0.1,"effectScale":"risk difference","families":null,"riskExposed":null,
         "riskUnexposed":null}]}""";

  private static final String BEFORE_INTERVALS =
      """
      {"run":"run-0","problem":"dropout","nextCursor":null,"chains":[
        {"rank":1,"path":["parent_illiterate","dropout"],"direct":0.2,"indirect":0.1,
         "total":0.3,"shareMediated":0.33}]}""";

  private FakeApi api;
  private RisheClient client;

  @BeforeEach
  void start() throws IOException {
    api =
        new FakeApi(
            Map.of(
                "/api/v1/root-causes/",
                exchange ->
                    FakeApi.answer(
                        exchange,
                        exchange.getRequestURI().getPath().contains("/dropout/")
                            ? BEFORE_INTERVALS
                            : CURRENT)));
    client = api.client();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aChainCarriesItsDirectionSampleSizeAndIntervals() {
    Chains chains = client.chains("child_labour");

    Chains.Chain directed = chains.chains().get(0);
    assertThat(directed.directed()).isTrue();
    assertThat(directed.possible()).isFalse();
    assertThat(directed.people()).isEqualTo(11620L);
    assertThat(directed.directEffect()).isEqualTo(new Estimate(0.1, 0.02, 0.18));
    assertThat(directed.indirectEffect()).isEqualTo(new Estimate(0.3, 0.21, 0.39));
    assertThat(directed.totalEffect()).isEqualTo(new Estimate(0.4, 0.3, 0.5));
    assertThat(directed.totalEffect().whollyAbove(0)).isTrue();
    assertThat(directed.effectScale()).isEqualTo("risk difference");
    assertThat(directed.onRiskDifferenceScale()).isTrue();
    assertThat(directed.families()).isEqualTo(5210L);
    assertThat(directed.riskExposed()).isEqualTo(0.55);
    assertThat(directed.riskUnexposed()).isEqualTo(0.15);
    Chains.Chain possible = chains.chains().get(1);
    assertThat(possible.directed()).isFalse();
    assertThat(possible.possible()).isTrue();
    assertThat(possible.people()).isNull();
    assertThat(possible.directEffect()).isEqualTo(new Estimate(0.0, null, null));
    assertThat(possible.totalEffect()).isEqualTo(new Estimate(0.0, -0.09, 0.1));
  }

  @Test
  void aServerWithoutTheNewFieldsGivesDirectedChainsWithoutIntervals() {
    Chains.Chain chain = client.chains("dropout").chains().get(0);

    assertThat(chain.path()).containsExactly("parent_illiterate", "dropout");
    assertThat(chain.total()).isEqualTo(0.3);
    assertThat(chain.shareMediated()).isEqualTo(0.33);
    assertThat(chain.directed()).isTrue();
    assertThat(chain.people()).isNull();
    assertThat(chain.effectScale()).isEqualTo("log-odds");
    assertThat(chain.onRiskDifferenceScale()).isFalse();
    assertThat(chain.families()).isNull();
    assertThat(chain.riskExposed()).isNull();
    assertThat(chain.totalEffect()).isEqualTo(new Estimate(0.3, null, null));
    assertThat(chain.directLow()).isNull();
    assertThat(chain.indirectHigh()).isNull();
  }
}
