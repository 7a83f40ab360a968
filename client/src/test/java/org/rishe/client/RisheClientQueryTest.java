package org.rishe.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RisheClient#cubes} and {@link RisheClient#query} against a hand-written fake of the two
 * routes (the JDK's HTTP server answering fixed bodies); {@code RisheClientHttpTest} in {@code
 * notebooks/} checks them against the real API.
 */
class RisheClientQueryTest {
  private final List<String> requests = new ArrayList<>();
  private HttpServer server;
  private RisheClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/query/cubes",
        exchange ->
            answer(
                exchange,
                """
                {"runId":"run-1","minCell":11,"cubes":[
                  {"measure":"cases","dimensions":[{"name":"region","values":["R01","R02"]},
                                                   {"name":"sex","values":["female","male"]}]},
                  {"measure":"people","dimensions":[{"name":"sex","values":["female","male"]}]}]}"""));
    server.createContext(
        "/api/v1/query",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          answer(
              exchange,
              query.contains("cursor=next")
                  ? """
                    {"runId":"run-1","measure":"cases","dimensions":["region"],"minCell":11,
                     "rows":[{"region":"R02","value":null,"suppressed":true}],
                     "totals":[],"suppressedCells":1,"nextCursor":null}"""
                  : """
                    {"runId":"run-1","measure":"cases","dimensions":["region"],"minCell":11,
                     "rows":[{"region":"R01","value":30,"suppressed":false}],
                     "totals":[],"suppressedCells":1,"nextCursor":"next"}""");
        });
    server.start();
    client = RisheClient.connect("http://127.0.0.1:" + server.getAddress().getPort(), "rk_a_b");
  }

  @AfterEach
  void stop() {
    server.stop(0);
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
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
