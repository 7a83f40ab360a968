package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code POST /query} body the client sends and the answer it reads, per the route's contract.
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
    String answer =
        """
        {"runId":"run-1","measure":"cases","dimensions":["region","sex"],"minCell":11,
         "rows":[{"region":"R01","sex":"F","value":42,"suppressed":false},
                 {"region":"R01","sex":"M","value":null,"suppressed":true}],
         "totals":[{"region":"R01","value":null,"suppressed":true},
                   {"sex":"F","value":120,"suppressed":false}],
         "suppressedCells":2}""";

    QueryResult result = QueryAnswers.read(json.readTree(answer));

    assertThat(result.runId()).isEqualTo("run-1");
    assertThat(result.dimensions()).containsExactly("region", "sex");
    assertThat(result.minCell()).isEqualTo(11);
    assertThat(result.suppressedCells()).isEqualTo(2);
    assertThat(result.rows())
        .containsExactly(
            new QueryResult.Row(Map.of("region", "R01", "sex", "F"), 42L, false),
            new QueryResult.Row(Map.of("region", "R01", "sex", "M"), null, true));
    assertThat(result.totals())
        .extracting(QueryResult.Row::dimensions)
        .isEqualTo(List.of(Map.of("region", "R01"), Map.of("sex", "F")));
    assertThat(result.totals().get(1).get("region")).isNull();
  }
}
