package org.rishe.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RisheClient#cubes} and {@link RisheClient#query} against a {@link FakeApi} of the two
 * routes answering fixed bodies; {@code RisheClientHttpTest} in {@code notebooks/} checks them
 * against the real API.
 */
class RisheClientQueryTest {
  private static final String CUBES =
      """
      {"runId":"run-1","minCell":11,"cubes":[
        {"measure":"cases","dimensions":[{"name":"region","values":["R01","R02"]},
                                         {"name":"sex","values":["female","male"]}]},
        {"measure":"people","dimensions":[{"name":"sex","values":["female","male"]}]}]}""";

  private static final String FIRST_PAGE =
      """
      {"runId":"run-1","measure":"cases","dimensions":["region"],"minCell":11,
       "rows":[{"region":"R01","value":30,"suppressed":false}],
       "totals":[],"suppressedCells":1,"nextCursor":"next"}""";

  private static final String LAST_PAGE =
      """
      {"runId":"run-1","measure":"cases","dimensions":["region"],"minCell":11,
       "rows":[{"region":"R02","value":null,"suppressed":true}],
       "totals":[],"suppressedCells":1,"nextCursor":null}""";

  private final List<String> requests = new ArrayList<>();
  private FakeApi api;
  private RisheClient client;

  @BeforeEach
  void start() throws IOException {
    api =
        new FakeApi(
            Map.of(
                "/api/v1/query/cubes",
                exchange -> answer(exchange, CUBES),
                "/api/v1/query",
                exchange ->
                    answer(
                        exchange,
                        exchange.getRequestURI().getRawQuery().contains("cursor=next")
                            ? LAST_PAGE
                            : FIRST_PAGE)));
    client = api.client();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void cubesListEachMeasureWithItsDimensionsAndValues() {
    QueryCubes cubes = client.cubes();

    assertThat(cubes.minCell()).isEqualTo(11);
    assertThat(cubes.cubes())
        .extracting(QueryCubes.Cube::measure)
        .containsExactly("cases", "people");
    QueryCubes.Cube cases = cubes.cube("cases").orElseThrow();
    assertThat(cases.dimensions())
        .extracting(QueryCubes.Dimension::name)
        .containsExactly("region", "sex");
    assertThat(cases.values("region")).containsExactly("R01", "R02");
    assertThat(cases.values("month")).isEmpty();
    assertThat(cubes.cube("budget")).isEmpty();
  }

  @Test
  void queryPostsTheBodyAndFollowsEveryPage() {
    QueryResult result = client.query(QueryRequest.of("cases", "region"));

    assertThat(result.rows())
        .containsExactly(
            new QueryResult.Row(Map.of("region", "R01"), 30L, false),
            new QueryResult.Row(Map.of("region", "R02"), null, true));
    assertThat(requests)
        .containsExactly(
            "POST limit=1000 {\"measure\":\"cases\",\"dimensions\":[\"region\"],\"filters\":{},"
                + "\"totals\":false}",
            "POST limit=1000&cursor=next {\"measure\":\"cases\",\"dimensions\":[\"region\"],"
                + "\"filters\":{},\"totals\":false}");
  }

  private void answer(HttpExchange exchange, String body) throws IOException {
    if (exchange.getRequestMethod().equals("POST")) {
      requests.add(
          "POST "
              + exchange.getRequestURI().getRawQuery()
              + " "
              + new String(exchange.getRequestBody().readAllBytes(), UTF_8));
    }
    FakeApi.answer(exchange, body);
  }
}
