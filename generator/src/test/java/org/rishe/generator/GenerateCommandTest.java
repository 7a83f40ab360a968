package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path temp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void writesTheBatchTheTruthAndASummaryLine() {
    Path batch = temp.resolve("batch");
    Path truth = temp.resolve("truth/truth.json");

    int code =
        run(
            "--out",
            batch.toString(),
            "--families",
            "50",
            "--seed",
            "3",
            "--truth",
            truth.toString(),
            "--outbreak",
            "R03:malnutrition:2024-06:3",
            "--dirty-rate",
            "0.01");

    assertThat(code).isZero();
    assertThat(batch.resolve("families.csv")).exists();
    assertThat(truth).content().contains("\"outbreaks\"").contains("\"R03\"");
    assertThat(text(out))
        .startsWith("wrote indicators.csv=30 families.csv=")
        .contains("volunteers.csv=");
    assertThat(text(err)).isEmpty();
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run("--help")).isZero();
    assertThat(text(out)).contains("usage: rishe generate --out DIR");
  }

  @Test
  void missingOutIsABadArgument() {
    assertThat(run("--families", "10")).isEqualTo(2);
    assertThat(text(err)).isEqualTo("rishe generate: --out DIR is required (see --help)\n");
  }

  @Test
  void aFamilyCountThatIsNotANumberIsABadArgument() {
    assertThat(run("--out", temp.toString(), "--families", "many")).isEqualTo(2);
    assertThat(text(err))
        .isEqualTo("rishe generate: --families must be a whole number, was 'many' (see --help)\n");
  }

  @Test
  void anOutbreakOfAnUnknownProblemIsABadArgument() {
    assertThat(run("--out", temp.toString(), "--outbreak", "R03:poverty:2024-06")).isEqualTo(2);
    assertThat(text(err))
        .isEqualTo(
            "rishe generate: outbreak problem 'poverty' is not a problem code of the default"
                + " catalogue (see --help)\n");
  }

  @Test
  void aMalformedOutbreakMonthIsABadArgument() {
    assertThat(run("--out", temp.toString(), "--outbreak", "R03:malnutrition:June")).isEqualTo(2);
    assertThat(text(err))
        .startsWith("rishe generate: outbreak month 'June' is not a YYYY-MM month");
  }

  @Test
  void aDirtyRateAboveOneHalfIsABadArgument() {
    assertThat(run("--out", temp.toString(), "--dirty-rate", "0.9")).isEqualTo(2);
    assertThat(text(err)).contains("dirty rate must be between 0 and 0.5");
    assertThat(Files.exists(temp.resolve("families.csv"))).isFalse();
  }

  @Test
  void trapsAreOffByDefaultAndSwitchedOnByName() {
    assertThat(GenerateCommand.parse(new String[] {"--out", "x"}).traps()).isEqualTo(Traps.NONE);
    assertThat(GenerateCommand.parse(new String[] {"--out", "x", "--traps", "on"}).traps())
        .isEqualTo(Traps.STANDARD);
    assertThat(run("--out", temp.toString(), "--traps", "maybe")).isEqualTo(2);
    assertThat(text(err)).contains("--traps must be on or off");
  }

  private int run(String... args) {
    return GenerateCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
