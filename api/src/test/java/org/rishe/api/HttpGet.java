package org.rishe.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A GET as a client of the API sends it, over java.net.http, so that every HTTP test builds its
 * requests alike: the bearer key and the Accept header when given, and a 10 s timeout so that a
 * server that hangs fails the test instead of stalling the build.
 */
final class HttpGet {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpGet() {}

  /** Without an Accept header: the API then answers JSON. */
  static HttpResponse<String> send(int port, String path, String key)
      throws IOException, InterruptedException {
    return send(port, path, key, null);
  }

  /** {@code key} and {@code accept} may be null: the request then goes without that header. */
  static HttpResponse<String> send(int port, String path, String key, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
