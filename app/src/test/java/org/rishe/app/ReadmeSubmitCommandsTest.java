package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code spark-submit} commands are found and filled in by the rule {@link
 * ClusterModeIT} relies on; fast, so a README edit that breaks them fails in {@code test} already.
 */
class ReadmeSubmitCommandsTest {
  @Test
  void theReadmeHasACommandForIngestAndAnalyzeWithTheJarAndThePlaceholders() {
    ReadmeSubmitCommands readme = ReadmeSubmitCommands.read();
    Path root = Path.of("..").toAbsolutePath().normalize();

    List<String> ingest =
        readme.arguments(
            "ingest",
            Map.of(
                ReadmeSubmitCommands.MASTER_URL, "spark://example:7077",
                ReadmeSubmitCommands.BATCH_DIR, "batch",
                ReadmeSubmitCommands.WAREHOUSE_URI, "hdfs://example/warehouse"));
    assertThat(ingest)
        .containsSubsequence("--class", Main.class.getName())
        .containsSubsequence("--master", "spark://example:7077")
        .containsSubsequence(
            "ingest", "--batch", "batch", "--warehouse", "hdfs://example/warehouse")
        .doesNotContain(
            ReadmeSubmitCommands.MASTER_URL,
            ReadmeSubmitCommands.BATCH_DIR,
            ReadmeSubmitCommands.WAREHOUSE_URI);
    String jar = ingest.get(ingest.indexOf("ingest") - 1);
    // startsWithRaw: the jar is packaged after this test runs, and startsWith resolves real paths
    assertThat(Path.of(jar)).startsWithRaw(root.resolve("app/target"));
    assertThat(Path.of(jar).getFileName().toString()).startsWith("rishe-app-").endsWith(".jar");

    List<String> analyze =
        readme.arguments(
            "analyze",
            Map.of(
                ReadmeSubmitCommands.MASTER_URL, "yarn",
                ReadmeSubmitCommands.WAREHOUSE_URI, "hdfs://example/warehouse"));
    assertThat(analyze)
        .containsSubsequence("--master", "yarn")
        .containsSubsequence(jar, "analyze", "--warehouse", "hdfs://example/warehouse");
    assertThat(readme.option("analyze", "--executor-memory")).matches("\\d+[gm]");
    assertThat(readme.option("analyze", "--driver-memory")).matches("\\d+[gm]");
  }
}
