package org.rishe.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A hand-written fake of some API routes: the JDK's HTTP server on a free port, one handler per
 * path prefix, and a client of it.
 */
final class FakeApi implements AutoCloseable {
  private final HttpServer server;

  FakeApi(Map<String, HttpHandler> routes) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    routes.forEach(server::createContext);
    server.start();
  }

  RisheClient client() {
    return RisheClient.connect("http://127.0.0.1:" + server.getAddress().getPort(), "rk_a_b");
  }

  /** Answers 200 with a JSON body. */
  static void answer(HttpExchange exchange, String json) throws IOException {
    answer(exchange, 200, "application/json", json, Map.of());
  }

  /** Answers {@code status} with a body of {@code contentType} and further {@code headers}. */
  static void answer(
      HttpExchange exchange,
      int status,
      String contentType,
      String body,
      Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** What a request sent: method, path and query, the headers asked for, and the body. */
  static String describe(HttpExchange exchange, String... headers) throws IOException {
    StringBuilder request =
        new StringBuilder(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI());
    for (String header : headers) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.append(' ').append(header).append('=').append(value);
      }
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    return body.isEmpty() ? request.toString() : request.append(' ').append(body).toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
