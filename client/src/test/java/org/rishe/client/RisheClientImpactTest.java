package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RisheClient#impact} against fixed answers of the route: one that says why an outcome has
 * no estimate, one as a server before {@code notEstimated} answered.
 */
class RisheClientImpactTest {
  private static final String PROGRAM =
      """
      "program":{"id":"nsw","name":"National Supported Work","kind":"vocational_training",
       "targetProblem":null,"costPerParticipant":null,"participants":185}""";

  private static final String CURRENT =
      "{\"run\":\"run-1\","
          + PROGRAM
          + """
          ,"outcomes":[],"notEstimated":[
            {"outcome":"earnings_1978","reason":"no_outcome_in_window",
             "text":"185 enrolled, 0 outcomes in the follow-up window of 30–365 days; 185 observed outside it, at a median 1,095 days after enrolment",
             "enrolled":185,"inScope":185,"treatedWithOutcome":0,"comparisonWithOutcome":0,
             "treatedOutsideWindow":185,"medianDaysOutsideWindow":1095.0,
             "followUpStartDays":30,"followUpEndDays":365,"minimumGroupSize":20},
            {"outcome":null,"reason":"nobody_in_scope","text":"fewer than 11 enrolled, none in scope",
             "enrolled":null,"inScope":0,"treatedWithOutcome":null,"comparisonWithOutcome":null,
             "treatedOutsideWindow":null,"medianDaysOutsideWindow":null,
             "followUpStartDays":30,"followUpEndDays":null,"minimumGroupSize":20}]}""";

  private static final String BEFORE_GAPS = "{\"run\":\"run-0\"," + PROGRAM + ",\"outcomes\":[]}";

  private FakeApi api;
  private RisheClient client;

  @BeforeEach
  void start() throws IOException {
    api =
        new FakeApi(
            Map.of(
                "/api/v1/programs/",
                exchange ->
                    FakeApi.answer(
                        exchange,
                        exchange.getRequestURI().getPath().contains("/old/")
                            ? BEFORE_GAPS
                            : CURRENT)));
    client = api.client();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void anOutcomeWithoutAnEstimateSaysWhyWithItsCounts() {
    ProgramImpact impact = client.impact("nsw");

    assertThat(impact.notEstimated()).hasSize(2);
    ProgramImpact.NotEstimated late = impact.notEstimated().get(0);
    assertThat(late.outcome()).isEqualTo("earnings_1978");
    assertThat(late.reason()).isEqualTo("no_outcome_in_window");
    assertThat(late.text()).contains("at a median 1,095 days after enrolment");
    assertThat(late.treatedOutsideWindow()).isEqualTo(185L);
    assertThat(late.medianDaysOutsideWindow()).isEqualTo(1095.0);
    assertThat(late.followUpEndDays()).isEqualTo(365);
    ProgramImpact.NotEstimated programme = impact.notEstimated().get(1);
    assertThat(programme.outcome()).isNull();
    assertThat(programme.enrolled()).isNull();
    assertThat(programme.followUpEndDays()).isNull();
  }

  @Test
  void impactInALanguageAsksTheServerForIt() throws IOException {
    List<String> queries = new CopyOnWriteArrayList<>();
    try (FakeApi persian =
        new FakeApi(
            Map.of(
                "/api/v1/programs/",
                exchange -> {
                  queries.add(exchange.getRequestURI().getQuery());
                  FakeApi.answer(exchange, CURRENT);
                }))) {
      persian.client().impact("nsw", "fa");
      persian.client().impact("nsw");
    }

    assertThat(queries).containsExactly("lang=fa", null);
  }

  @Test
  void aServerBeforeNotEstimatedReadsAsNone() {
    assertThat(client.impact("old").notEstimated()).isEmpty();
  }
}
