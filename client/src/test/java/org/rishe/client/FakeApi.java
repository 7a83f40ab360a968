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
    byte[] bytes = json.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
