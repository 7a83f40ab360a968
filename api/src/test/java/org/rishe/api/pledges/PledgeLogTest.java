package org.rishe.api.pledges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.results.NeedRow;

/**
 * The pledge log keeps the SHA-256 of a request's Idempotency-Key, never the key, and still
 * recognises the retry of a request recorded before hashes were kept, whose line holds the raw key.
 */
class PledgeLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
  private static final NeedRow NEED = openNeed("ref-1", "need-1", "PRG01");
  private static final NeedRow OTHER = openNeed("ref-2", "need-2", null);

  /** A line as the log wrote it before it kept hashes: the raw key, no hash field. */
  private static final String OLD_LINE =
      "{\"pledgeId\":\"p-old\",\"needRef\":\"ref-1\",\"needId\":\"need-1\",\"donorId\":\"donor-1\","
          + "\"amount\":300.0,\"currency\":\"IRR\",\"pledgedAt\":\"2026-12-01T09:00:00Z\","
          + "\"idempotencyKey\":\"old-key\",\"programId\":\"PRG01\",\"region\":\"R01\"}\n";

  @TempDir Path folder;

  @Test
  void theKeyIsStoredOnlyAsItsHashAndARetryIsRecognisedByIt() throws Exception {
    Path file = folder.resolve("pledges.jsonl");
    String secret = "card-4111111111111111";
    Pledge first;
    try (PledgeLog log = PledgeLog.open(file, CLOCK, line -> {})) {
      PledgeLog.Pledged pledged = log.pledge(NEED, "donor-1", 100.0, secret);
      first = pledged.pledge();
      assertThat(pledged.replayed()).isFalse();
      assertThat(first.idempotencyKey()).isNull();
      assertThat(first.idempotencyKeySha256()).isEqualTo(ApiKeyStore.sha256(secret));
      assertThat(log.pledge(NEED, "donor-1", 100.0, secret))
          .isEqualTo(new PledgeLog.Pledged(first, true));
    }
    assertThat(Files.readString(file)).doesNotContain(secret).contains(ApiKeyStore.sha256(secret));
    try (PledgeLog reopened = PledgeLog.open(file, CLOCK, line -> {})) {
      assertThat(reopened.replay("donor-1", secret, "ref-1"))
          .contains(new PledgeLog.Pledged(first, true));
      // the key is the donor's own: another donor with the same key pledges anew
      assertThat(reopened.replay("donor-2", secret, "ref-1")).isEmpty();
      assertThat(reopened.pledge(NEED, "donor-2", 100.0, secret).replayed()).isFalse();
      assertThatThrownBy(() -> reopened.replay("donor-1", secret, "ref-2"))
          .isInstanceOf(PledgeLog.IdempotencyKeyReused.class);
    }
    assertThat(Files.readString(file).lines()).hasSize(2);
  }

  @Test
  void aLineWrittenWithTheRawKeyStillDedupesItsRetry() throws Exception {
    Path file = folder.resolve("pledges.jsonl");
    Files.writeString(file, OLD_LINE, StandardCharsets.UTF_8);
    List<String> warnings = new ArrayList<>();
    try (PledgeLog log = PledgeLog.open(file, CLOCK, warnings::add)) {
      Pledge old = log.pledges().get(0);
      assertThat(old.idempotencyKey()).isEqualTo("old-key");
      assertThat(old.idempotencyKeySha256()).isNull();
      assertThat(Pledge.idempotencyKeyHash(old)).isEqualTo(ApiKeyStore.sha256("old-key"));

      // the retry is answered from the log before the board is read, and by the append itself
      assertThat(log.replay("donor-1", "old-key", "ref-1"))
          .contains(new PledgeLog.Pledged(old, true));
      assertThat(log.pledge(NEED, "donor-1", 300.0, "old-key"))
          .isEqualTo(new PledgeLog.Pledged(old, true));
      assertThatThrownBy(() -> log.pledge(OTHER, "donor-1", 300.0, "old-key"))
          .isInstanceOf(PledgeLog.IdempotencyKeyReused.class);
      // another donor's key of the same text, and another key, are new requests
      assertThat(log.replay("donor-2", "old-key", "ref-1")).isEmpty();
      assertThat(log.pledge(NEED, "donor-1", 200.0, "new-key").replayed()).isFalse();
      // the old pledge still counts against the need's amount: 1000 - 300 - 200 remain
      assertThatThrownBy(() -> log.pledge(NEED, "donor-3", 600.0, null))
          .isInstanceOf(PledgeLog.ExceedsNeed.class);
    }
    assertThat(warnings).isEmpty();
    List<Pledge> stored = PledgeLog.read(file);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(1).idempotencyKey()).isNull();
    assertThat(stored.get(1).idempotencyKeySha256()).isEqualTo(ApiKeyStore.sha256("new-key"));
    // the old line is left as it was
    assertThat(Files.readString(file)).startsWith(OLD_LINE).doesNotContain("new-key");
  }

  /** An open need of 1,000 IRR in R01. */
  private static NeedRow openNeed(String ref, String needId, String programId) {
    return new NeedRow(
        ref,
        needId,
        "school_fees",
        1000.0,
        "IRR",
        "R01",
        programId,
        "2026-11-01",
        33,
        NeedRow.OPEN,
        null,
        null,
        null);
  }
}
