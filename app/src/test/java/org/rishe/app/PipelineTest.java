package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PipelineTest {
  @Test
  void ingestOptionsGoToTheIngestTheWarehouseToBothAndTheRestToTheAnalyze() {
    Pipeline.Split split =
        Pipeline.Split.of(
            new String[] {
              "--batch",
              "in",
              "--max-age",
              "64",
              "--warehouse",
              "w",
              "--calendar",
              "jalali",
              "--follow-up-days",
              "30-730"
            });

    assertThat(split.ingest())
        .containsExactly("--batch", "in", "--warehouse", "w", "--calendar", "jalali");
    assertThat(split.analyze())
        .containsExactly("--max-age", "64", "--warehouse", "w", "--follow-up-days", "30-730");
    assertThat(split.help()).isFalse();
  }

  @Test
  void anIngestOptionWithoutItsValueIsLeftForTheIngestToRefuse() {
    Pipeline.Split split = Pipeline.Split.of(new String[] {"--max-age", "20", "--batch"});

    assertThat(split.ingest()).containsExactly("--batch");
    assertThat(split.analyze()).containsExactly("--max-age", "20");
  }

  @Test
  void helpPrintsThePipelinesUsageAndRunsNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Pipeline.run(
            new String[] {"--batch", "in", "--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: pipeline --batch DIR")
        .contains("one Spark session");
    assertThat(err.size()).isZero();
  }

  @Test
  void withoutABatchTheIngestRefusesAndTheAnalyzeDoesNotRun() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Pipeline.run(
            new String[] {"--max-age", "20"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--batch DIR is required");
    assertThat(out.size()).isZero();
  }
}
