package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code POST /query} body the client sends and the answer it reads, per the route's contract
 * (docs/api.md).
 */
class QueryAnswersTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void requestIsWrittenInTheRoutesShape() throws Exception {
    QueryRequest request =
        QueryRequest.of("cases", "region", "sex").where("problem", "PRB01").withTotals();

    assertThat(json.readTree(json.writeValueAsString(request)))
        .isEqualTo(
            json.readTree(
                """
                {"measure":"cases","dimensions":["region","sex"],
                 "filters":{"problem":["PRB01"]},"totals":true}"""));
  }

  @Test
  void cellsKeepTheirDimensionsAndSuppressedCellsHaveNoValue() throws Exception {
    JsonNode answer =
        json.readTree(
            """
            {"runId":"run-1","measure":"cases","dimensions":["region","sex"],"minCell":11,
             "rows":[{"region":"R01","sex":"F","value":42,"suppressed":false},
                     {"region":"R01","sex":"M","value":null,"suppressed":true}],
             "totals":[{"dimensions":["sex"],
                        "rows":[{"sex":"F","value":120,"suppressed":false},
                                {"sex":"M","value":null,"suppressed":true}]},
                       {"dimensions":[],"rows":[{"value":250,"suppressed":false}]}],
             "suppressedCells":1,"nextCursor":null}""");

    QueryResult result = QueryAnswers.read(answer, List.of(answer));

    assertThat(result.runId()).isEqualTo("run-1");
    assertThat(result.dimensions()).containsExactly("region", "sex");
    assertThat(result.minCell()).isEqualTo(11);
    assertThat(result.suppressedCells()).isEqualTo(1);
    assertThat(result.rows())
        .containsExactly(
            new QueryResult.Row(Map.of("region", "R01", "sex", "F"), 42L, false),
            new QueryResult.Row(Map.of("region", "R01", "sex", "M"), null, true));
    assertThat(result.totals())
        .containsExactly(
            new QueryResult.Margin(
                List.of("sex"),
                List.of(
                    new QueryResult.Row(Map.of("sex", "F"), 120L, false),
                    new QueryResult.Row(Map.of("sex", "M"), null, true))),
            new QueryResult.Margin(List.of(), List.of(new QueryResult.Row(Map.of(), 250L, false))));
    assertThat(result.totals().get(0).rows().get(0).get("region")).isNull();
  }

  @Test
  void rowsOfEveryPageAreJoinedAndTheMarginsTakenOnce() throws Exception {
    JsonNode first =
        json.readTree(
            """
            {"runId":"run-1","measure":"people","dimensions":["sex"],"minCell":11,
             "rows":[{"sex":"F","value":42,"suppressed":false}],
             "totals":[{"dimensions":[],"rows":[{"value":80,"suppressed":false}]}],
             "suppressedCells":0,"nextCursor":"abc"}""");
    JsonNode second =
        json.readTree(
            """
            {"runId":"run-1","measure":"people","dimensions":["sex"],"minCell":11,
             "rows":[{"sex":"M","value":38,"suppressed":false}],
             "totals":[{"dimensions":[],"rows":[{"value":80,"suppressed":false}]}],
             "suppressedCells":0,"nextCursor":null}""");

    QueryResult result = QueryAnswers.read(first, List.of(first, second));

    assertThat(result.rows()).extracting(row -> row.get("sex")).containsExactly("F", "M");
    assertThat(result.totals()).hasSize(1);
  }
}
