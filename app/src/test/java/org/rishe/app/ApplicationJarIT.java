package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application jar holds what spark-submit needs beyond Spark, and nothing Spark has.
 */
class ApplicationJarIT {
  private static Set<String> entries;

  @BeforeAll
  static void listTheJar() throws IOException {
    try (JarFile jar = new JarFile(PackagedApplication.jar().toFile())) {
      entries = new TreeSet<>(jar.stream().map(ZipEntry::getName).toList());
    }
  }

  @Test
  void holdsTheCommandsDeltaAndPoi() {
    assertThat(entries)
        .contains(
            "org/rishe/app/Main.class",
            "org/rishe/ingest/IngestCommand.class",
            "org/rishe/analytics/AnalyzeCommand.class",
            "org/rishe/spark/SparkSessions.class",
            "org/rishe/common/catalogue/indicators.csv",
            "io/delta/sql/DeltaSparkSessionExtension.class",
            "org/apache/spark/sql/delta/catalog/DeltaCatalog.class",
            "org/apache/poi/xssf/eventusermodel/XSSFReader.class");
  }

  @Test
  void mergesServiceFilesAndNamesItsMainClass() throws IOException {
    try (JarFile jar = new JarFile(PackagedApplication.jar().toFile())) {
      String dataSources =
          new String(
              jar.getInputStream(
                      jar.getEntry(
                          "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(dataSources).contains("org.apache.spark.sql.delta.sources.DeltaDataSource");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(Main.class.getName());
    }
  }

  @Test
  void holdsNoSignatureFiles() {
    assertThat(entries)
        .noneMatch(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
        .doesNotContain("module-info.class");
  }

  /** spark-submit puts the distribution's jars first: a second copy would be dead or a conflict. */
  @Test
  void holdsNoClassThatSparksDistributionHas() throws IOException {
    List<String> clashes = new ArrayList<>();
    for (Path sparkJar : PackagedApplication.sparkJars()) {
      try (JarFile jar = new JarFile(sparkJar.toFile())) {
        jar.stream()
            .map(ZipEntry::getName)
            .filter(name -> name.endsWith(".class") && entries.contains(name))
            .filter(name -> !name.endsWith("module-info.class"))
            .limit(3)
            .forEach(name -> clashes.add(sparkJar.getFileName() + ": " + name));
      }
    }
    assertThat(clashes).isEmpty();
  }
}
