package org.rishe.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCheckTest {
  private static final Pseudonymizer FIRST = new Pseudonymizer(new byte[32]);
  private static final Pseudonymizer OTHER = new Pseudonymizer(filled(7));

  @TempDir Path temporary;

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) value);
    return key;
  }

  private static String report(String ingestId, String keyCheck, String... statuses) {
    StringBuilder files = new StringBuilder();
    for (String status : statuses) {
      files.append(files.isEmpty() ? "" : ",").append("{\"file\":\"f.csv\",\"status\":\"");
      files.append(status).append("\"}");
    }
    String check = keyCheck == null ? "" : "\"keyCheck\":\"" + keyCheck + "\",";
    return "{\"ingestId\":\"" + ingestId + "\"," + check + "\"files\":[" + files + "]}";
  }

  @Test
  void theFingerprintIsTheKeysPseudonymOfAFixedTextAndDiffersBetweenKeys() {
    assertThat(KeyCheck.of(FIRST))
        .isEqualTo(FIRST.pseudonym("\u0000rishe key check"))
        .isNotEqualTo(KeyCheck.of(OTHER))
        .doesNotContain(HexFormat.of().formatHex(new byte[32]));
  }

  @Test
  void theStoredFingerprintIsTheNewestReportsWhoseRowsReachedTheTables() {
    String a = KeyCheck.of(FIRST);
    String b = KeyCheck.of(OTHER);

    // newest first: a failed ingest, one from before fingerprints, a broken file, then the one
    Optional<KeyCheck.Recorded> stored =
        KeyCheck.stored(
            Stream.of(
                report("i4", b, "failed", "skipped"),
                report("i3", null, "loaded"),
                "{not json",
                report("i2", a, "failed", "unchanged"),
                report("i1", b, "loaded")));

    assertThat(stored).contains(new KeyCheck.Recorded(a, "i2"));
    assertThat(KeyCheck.stored(Stream.of(report("i1", a, "failed")))).isEmpty();
    assertThat(KeyCheck.stored(Stream.empty())).isEmpty();
  }

  @Test
  void anotherKeyThanTheStoredRowsIsRefusedWithWhatToDoAndTheSameOrNoneIsNot() {
    Optional<KeyCheck.Recorded> stored =
        Optional.of(new KeyCheck.Recorded(KeyCheck.of(FIRST), "20261206T082008Z-8913"));

    KeyCheck.requireMatches(stored, FIRST, "from file k", "harm");
    KeyCheck.requireMatches(Optional.empty(), OTHER, "from file k", "harm");
    assertThatThrownBy(
            () -> KeyCheck.requireMatches(stored, OTHER, "from file /keys/k", "harm done"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the pseudonym key from file /keys/k is not the one")
        .hasMessageContaining("ingest 20261206T082008Z-8913")
        .hasMessageContaining("harm done")
        .hasMessageContaining("--pseudonym-key FILE");
  }

  @Test
  void aWarehousesReportsAreReadNewestFirstByName() throws IOException {
    Path reports = Files.createDirectories(temporary.resolve("warehouse/reports"));
    Files.writeString(
        reports.resolve("ingest-20261201T000000Z-aaaa.json"),
        report("20261201T000000Z-aaaa", KeyCheck.of(OTHER), "loaded"));
    Files.writeString(
        reports.resolve("ingest-20261202T000000Z-bbbb.json"),
        report("20261202T000000Z-bbbb", KeyCheck.of(FIRST), "loaded"));
    Files.writeString(reports.resolve("notes.txt"), "not a report");

    assertThat(KeyCheck.storedIn(temporary.resolve("warehouse")))
        .contains(new KeyCheck.Recorded(KeyCheck.of(FIRST), "20261202T000000Z-bbbb"));
    assertThat(KeyCheck.storedIn(temporary.resolve("empty"))).isEmpty();
  }

  @Test
  void aMissingKeyFileIsNotCreatedWhenTheWarehouseHoldsRows() {
    Path warehouse = temporary.resolve("warehouse");
    Path named = temporary.resolve("elsewhere/pseudonym.key");

    assertThatThrownBy(
            () ->
                PseudonymKeys.resolve(
                    variable -> null, Optional.empty(), Optional.of(warehouse), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no pseudonym key at " + PseudonymKeys.keyFile(warehouse));
    assertThatThrownBy(
            () ->
                PseudonymKeys.resolve(
                    variable -> null, Optional.of(named), Optional.of(warehouse), false))
        .hasMessageContaining("no pseudonym key at " + named);
    assertThat(PseudonymKeys.keyFile(warehouse)).doesNotExist();
    assertThat(named).doesNotExist();
  }
}
