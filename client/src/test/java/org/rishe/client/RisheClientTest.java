package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RisheClientTest {
  @Test
  void urlMayCarryTheApiPrefixAndTrailingSlashes() {
    assertThat(RisheClient.connect("http://127.0.0.1:7070/api/v1/", "rk_a_b").url())
        .hasToString("http://127.0.0.1:7070");
    assertThat(RisheClient.connect(" http://127.0.0.1:7070 ", "rk_a_b").url())
        .hasToString("http://127.0.0.1:7070");
  }

  @Test
  void missingKeySaysWhereToGetOne() {
    assertThatThrownBy(() -> RisheClient.connect("http://127.0.0.1:7070", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bin/rishe keys create --role planner");
  }

  @Test
  void estimateSaysOnWhichSideOfAValueItsIntervalLies() {
    assertThat(new Estimate(2.0, 1.2, 3.0).whollyAbove(1)).isTrue();
    assertThat(new Estimate(1.1, 0.8, 1.5).whollyAbove(1)).isFalse();
    assertThat(new Estimate(-0.2, -0.3, -0.1).whollyBelow(0)).isTrue();
    assertThat(new Estimate(null, null, null).whollyAbove(1)).isFalse();
  }
}
