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
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.results.NeedRow;
import org.rishe.common.warehouse.WarehouseLayout;

class PledgesCommandTest {
  @TempDir Path warehouse;

  @Test
  void exportWritesEveryPledgeAsCsvForTheCaseSystem() throws Exception {
    Path log = new WarehouseLayout(warehouse.toString()).pledgeLog();
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    NeedRow fees =
        new NeedRow(
            "need-a1",
            "N1",
            "school_fees",
            1_500_000.0,
            "IRR",
            "R01",
            null,
            "2026-11-01",
            30,
            "open",
            "6-11",
            "female",
            11);
    NeedRow clothes =
        new NeedRow(
            "need-b2",
            "N2",
            "clothing",
            null,
            null,
            "R02",
            null,
            "2026-11-02",
            29,
            "open",
            null,
            null,
            null);
    String first;
    String second;
    String third;
    try (PledgeLog pledges = PledgeLog.open(log, clock, line -> {})) {
      first = pledges.pledge(fees, "c0ffee01", 400_000.0, "k-1").pledge().pledgeId();
      second = pledges.pledge(fees, "c0ffee02", 250.5, null).pledge().pledgeId();
      third = pledges.pledge(clothes, "c0ffee01", null, null).pledge().pledgeId();
    }
    String expected =
        "pledge_id,need_id,donor_id,amount,currency,pledged_at\r\n"
            + first
            + ",N1,c0ffee01,400000,IRR,2026-12-01T10:00:00Z\r\n"
            + second
            + ",N1,c0ffee02,250.5,IRR,2026-12-01T10:00:00Z\r\n"
            + third
            + ",N2,c0ffee01,,,2026-12-01T10:00:00Z\r\n";

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int toStandardOutput =
        PledgesCommand.run(
            new String[] {"export", "--warehouse", warehouse.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    Path file = warehouse.resolveSibling(warehouse.getFileName() + "-export").resolve("p.csv");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int toFile =
        PledgesCommand.run(
            new String[] {"export", "--out", file.toString(), "--warehouse", warehouse.toString()},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(toStandardOutput).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(toFile).isZero();
    assertThat(Files.readString(file)).isEqualTo(expected);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("rishe pledges: wrote 3 pledges to");
    Files.delete(file);
    Files.delete(file.getParent());
  }

  @Test
  void anEmptyLogExportsTheHeaderAndMistakesAreOneLineWithStatus2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    int empty =
        PledgesCommand.run(
            new String[] {"export", "--warehouse", warehouse.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            errors);
    int unknownAction = PledgesCommand.run(new String[] {"list"}, System.out, errors);

    assertThat(empty).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("pledge_id,need_id,donor_id,amount,currency,pledged_at\r\n");
    assertThat(unknownAction).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rishe pledges: unknown action 'list'");
  }
}
