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
  void theReadmesCommandRunsThePipelineWithTheJarAndThePlaceholders() {
    ReadmeSubmitCommands readme = ReadmeSubmitCommands.read();
    Path root = Path.of("..").toAbsolutePath().normalize();

    List<String> pipeline =
        readme.arguments(
            "pipeline",
            Map.of(
                ReadmeSubmitCommands.MASTER_URL, "spark://example:7077",
                ReadmeSubmitCommands.BATCH_DIR, "batch",
                ReadmeSubmitCommands.WAREHOUSE_URI, "hdfs://example/warehouse"));
    assertThat(pipeline)
        .containsSubsequence("--class", Main.class.getName())
        .containsSubsequence("--master", "spark://example:7077")
        .containsSubsequence(
            "pipeline", "--batch", "batch", "--warehouse", "hdfs://example/warehouse")
        .doesNotContain(
            ReadmeSubmitCommands.MASTER_URL,
            ReadmeSubmitCommands.BATCH_DIR,
            ReadmeSubmitCommands.WAREHOUSE_URI);
    String jar = pipeline.get(pipeline.indexOf("pipeline") - 1);
    // startsWithRaw: the jar is packaged after this test runs, and startsWith resolves real paths
    assertThat(Path.of(jar)).startsWithRaw(root.resolve("app/target"));
    assertThat(Path.of(jar).getFileName().toString()).startsWith("rishe-app-").endsWith(".jar");
    assertThat(readme.option("pipeline", "--executor-memory")).matches("\\d+[gm]");
    assertThat(readme.option("pipeline", "--driver-memory")).matches("\\d+[gm]");
  }
}
