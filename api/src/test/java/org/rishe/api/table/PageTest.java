package org.rishe.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rishe.api.error.ApiProblem;

class PageTest {
  @Test
  void aCursorRoundTripsItsOffsetForTheSameRunOnly() {
    String cursor = Page.cursor("run-1", 200);

    assertThat(Page.offset(cursor, "run-1")).isEqualTo(200);
    assertThatThrownBy(() -> Page.offset(cursor, "run-2"))
        .isInstanceOf(ApiProblem.class)
        .hasMessageContaining("another results run");
  }

  @Test
  void limitDefaultsTo100AndMustBeFrom1To1000() {
    assertThat(Page.limit(null)).isEqualTo(100);
    assertThat(Page.limit("1000")).isEqualTo(1000);
    assertThatThrownBy(() -> Page.limit("1001")).hasMessageContaining("from 1 to 1000");
    assertThatThrownBy(() -> Page.limit("-1")).hasMessageContaining("from 1 to 1000");
  }
}
