package org.rishe.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.impact.ImpactOptions;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.common.cli.Arguments;

/** The options of {@code rishe analyze}, parsed without starting Spark. */
class AnalyzeCommandTest {
  private static ProgramImpactSettings settings(String... args) {
    return AnalyzeCommand.impactSettings(Arguments.parse(args, AnalyzeCommand.OPTIONS, Set.of()));
  }

  @Test
  void withoutOptionsTheImpactSettingsAreTheDocumentedDefaults() {
    ProgramImpactSettings settings = settings();

    // From day 30 after enrolment with no end: LaLonde's earnings come 1,095 days after it.
    assertThat(settings.followUpStartDays()).isEqualTo(30);
    assertThat(settings.followUpEndDays()).isNull();
    assertThat(settings.asMap())
        .containsEntry("impactFollowUpDays", "30-")
        .containsEntry("impactFollowUpStartDays", 30)
        .doesNotContainKey("impactFollowUpEndDays");
    assertThat(settings.options().resamples()).isEqualTo(ImpactOptions.DEFAULT_RESAMPLES);
    assertThat(settings.options().maxResampleUnits()).isEqualTo(20_000);
    assertThat(settings.options().caliperStandardDeviations()).isEqualTo(0.2);
    assertThat(settings.programs()).isEmpty();
  }

  @Test
  void eachImpactOptionReachesTheSettings() {
    ProgramImpactSettings settings =
        settings(
            "--follow-up-days", "60-180",
            "--impact-resamples", "500",
            "--impact-resample-units", "50_000",
            "--caliper", "0.1",
            "--impact-seed", "7",
            "--program", "PRG01",
            "--program", "PRG04");

    assertThat(settings.followUpStartDays()).isEqualTo(60);
    assertThat(settings.followUpEndDays()).isEqualTo(180);
    assertThat(settings.asMap())
        .containsEntry("impactFollowUpDays", "60-180")
        .containsEntry("impactFollowUpEndDays", 180);
    assertThat(settings.options().resamples()).isEqualTo(500);
    assertThat(settings.options().maxResampleUnits()).isEqualTo(50_000);
    assertThat(settings.asMap()).containsEntry("impactResampleUnits", 50_000);
    assertThat(settings.options().caliperStandardDeviations()).isEqualTo(0.1);
    assertThat(settings.options().seed()).isEqualTo(7);
    assertThat(settings.programs()).containsExactlyInAnyOrder("PRG01", "PRG04");
  }

  @Test
  void aFollowUpWindowWithoutAnEndHasNone() {
    ProgramImpactSettings settings = settings("--follow-up-days", "90-");

    assertThat(settings.followUpStartDays()).isEqualTo(90);
    assertThat(settings.followUpEndDays()).isNull();
    assertThat(settings.followUp().contains(90)).isTrue();
    assertThat(settings.followUp().contains(89)).isFalse();
    assertThat(settings.followUp().contains(36_500)).isTrue();
  }

  @Test
  void aBadOptionIsExitStatusTwoWithAMessageThatSaysWhatToWrite() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    int window =
        AnalyzeCommand.run(
            new String[] {"--follow-up-days", "365-30"},
            quiet,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int resamples = AnalyzeCommand.run(new String[] {"--impact-resamples", "5"}, quiet, quiet);
    int caliper = AnalyzeCommand.run(new String[] {"--caliper", "wide"}, quiet, quiet);
    ByteArrayOutputStream unitsErr = new ByteArrayOutputStream();
    int units =
        AnalyzeCommand.run(
            new String[] {"--impact-resample-units", "500"},
            quiet,
            new PrintStream(unitsErr, true, StandardCharsets.UTF_8));

    ByteArrayOutputStream shapeErr = new ByteArrayOutputStream();
    int shape =
        AnalyzeCommand.run(
            new String[] {"--follow-up-days", "-365"},
            quiet,
            new PrintStream(shapeErr, true, StandardCharsets.UTF_8));

    assertThat(window).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rishe analyze: --follow-up-days:")
        .contains("follow-up window must satisfy 0 <= start <= end days, got 365..30");
    assertThat(shape).isEqualTo(2);
    assertThat(shapeErr.toString(StandardCharsets.UTF_8))
        .contains("START-END or START- (no end) in days, e.g. 30-365 or 30-, got '-365'");
    assertThat(resamples).isEqualTo(2);
    assertThat(caliper).isEqualTo(2);
    assertThat(units).isEqualTo(2);
    assertThat(unitsErr.toString(StandardCharsets.UTF_8))
        .contains("--impact-resample-units must be between 1000 and 2147483647, not 500");
  }
}
