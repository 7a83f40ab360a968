package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.notACommand(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void withoutACommandPrintsTheUsageAsAnError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no command given")
        .contains("ingest")
        .contains("analyze")
        .contains("--class org.rishe.app.Main");
    assertThat(out.size()).isZero();
  }

  @Test
  void anUnknownCommandIsNamedInTheError() {
    assertThat(run("serve", "--port", "7070")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown command 'serve'")
        .contains("Usage:");
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    for (String help : new String[] {"help", "--help", "-h"}) {
      out.reset();
      assertThat(run(help)).isEqualTo(0);
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: spark-submit");
    }
    assertThat(err.size()).isZero();
  }
}
