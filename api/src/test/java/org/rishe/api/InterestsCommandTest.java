package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.volunteers.InterestLog;
import org.rishe.common.warehouse.WarehouseLayout;

class InterestsCommandTest {
  @TempDir Path warehouse;

  @Test
  void exportWritesEveryInterestAsCsvToStandardOutputOrAFile() throws Exception {
    Path log = new WarehouseLayout(warehouse.toString()).interestLog();
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    try (InterestLog interests = InterestLog.open(log, clock, line -> {})) {
      interests.register("V1", "PRG01", "k-1");
      interests.register("V2", "PRG04", null);
      interests.register("=V3", "PRG01", null);
    }
    String expected =
        "volunteer_id,program_id,registered_at\r\n"
            + "V1,PRG01,2026-12-01T10:00:00Z\r\n"
            + "V2,PRG04,2026-12-01T10:00:00Z\r\n"
            // an id a spreadsheet would run as a formula is written as text
            + "'=V3,PRG01,2026-12-01T10:00:00Z\r\n";

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int toStandardOutput =
        InterestsCommand.run(
            new String[] {"export", "--warehouse", warehouse.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    Path file = warehouse.resolveSibling(warehouse.getFileName() + "-export").resolve("i.csv");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int toFile =
        InterestsCommand.run(
            new String[] {"export", "--out", file.toString(), "--warehouse", warehouse.toString()},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(toStandardOutput).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(toFile).isZero();
    assertThat(Files.readString(file)).isEqualTo(expected);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrote 3 interests to");
    assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");
    Files.delete(file);
    Files.delete(file.getParent());
  }

  @Test
  void anEmptyLogExportsTheHeaderAndMistakesAreOneLineWithStatus2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    int empty =
        InterestsCommand.run(
            new String[] {"export", "--warehouse", warehouse.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            errors);
    int unknownAction = InterestsCommand.run(new String[] {"import"}, System.out, errors);
    int unknownOption =
        InterestsCommand.run(new String[] {"export", "--format", "xlsx"}, System.out, errors);
    int remote =
        InterestsCommand.run(
            new String[] {"export", "--warehouse", "hdfs://namenode/warehouse"},
            System.out,
            errors);

    assertThat(empty).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("volunteer_id,program_id,registered_at\r\n");
    assertThat(new int[] {unknownAction, unknownOption, remote}).containsOnly(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown action 'import'")
        .contains("unknown option '--format'")
        .contains("is not on the local file system");
  }
}
