package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What this module's {@code package} phase built, for the tests that run in {@code verify}: the
 * application jar and the list of provided jars (a Spark distribution's {@code jars/}).
 */
final class PackagedApplication {
  private PackagedApplication() {}

  /** {@code target/rishe-app-VERSION.jar}. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("rishe.app.jar", "target/rishe-app.jar"));
    assertThat(jar)
        .as("the application jar: run `mvn verify` (or package first), not just `mvn test`")
        .isRegularFile();
    return jar.toAbsolutePath();
  }

  /** The jars of {@code target/spark-classpath.txt}: the module's provided dependencies. */
  static List<Path> sparkJars() {
    Path listing =
        Path.of(System.getProperty("rishe.spark.classpath", "target/spark-classpath.txt"));
    try {
      return Arrays.stream(
              Files.readString(listing, StandardCharsets.UTF_8).trim().split(File.pathSeparator))
          .map(Path::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + listing, e);
    }
  }
}
