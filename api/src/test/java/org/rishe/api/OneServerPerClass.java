package org.rishe.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one {@link TestServer}, started before the first and stopped after
 * the last: publishing the fixture run and starting the app cost more than most tests' requests,
 * and these tests leave nothing behind that another one reads. A test that counts what the server
 * records (audit lines, metrics) or needs another rate limit starts its own instead.
 */
abstract class OneServerPerClass {
  @TempDir private static Path warehouse;
  static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.unlimited(warehouse);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}
