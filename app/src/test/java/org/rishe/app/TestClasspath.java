package org.rishe.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The test JVM's full classpath. Surefire starts the tests from a manifest-only jar, so {@code
 * java.class.path} names only that jar; it passes the real entries as {@code
 * surefire.test.class.path}.
 */
final class TestClasspath {
  private TestClasspath() {}

  static List<Path> entries() {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .filter(Files::exists)
        .toList();
  }

  static String asString() {
    return String.join(File.pathSeparator, entries().stream().map(Path::toString).toList());
  }
}
