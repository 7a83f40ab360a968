package org.rishe.client;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the client against one {@link FakeApi} handler for every {@code /api/v1/} path, which
 * notes each request ({@link FakeApi#describe}, with the {@code Idempotency-Key} and {@code
 * Content-Type} headers) before the subclass answers it.
 */
abstract class FakeApiTest {
  final List<String> requests = new ArrayList<>();
  private FakeApi api;
  RisheClient client;

  @BeforeEach
  void startFakeApi() throws IOException {
    api =
        new FakeApi(
            Map.of(
                "/api/v1/",
                exchange -> {
                  String request = FakeApi.describe(exchange, "Idempotency-Key", "Content-Type");
                  requests.add(request);
                  answer(exchange, request);
                }));
    client = api.client();
  }

  @AfterEach
  void stopFakeApi() {
    api.close();
  }

  /** Answers {@code exchange}, whose request {@link #requests} ends with, as {@code request}. */
  abstract void answer(HttpExchange exchange, String request) throws IOException;
}
