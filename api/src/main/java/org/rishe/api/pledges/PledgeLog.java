package org.rishe.api.pledges;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.rishe.api.journal.AppendOnlyLog;
import org.rishe.api.journal.IdempotencyKeys;
import org.rishe.api.results.NeedRow;

/**
 * The donors' pledges to needs, kept in an {@link AppendOnlyLog} at {@code
 * <warehouse>/logs/pledges.jsonl}. The pledges on one need never add up to more than its amount,
 * however many arrive at once: the sum is checked and the pledge appended in one step under the
 * log's lock. A need without an amount is pledged whole, once. A request repeated with the same
 * Idempotency-Key returns the pledge it made, and never records twice; the log keeps the key's
 * SHA-256, never the key.
 */
public final class PledgeLog implements AutoCloseable {
  private final AppendOnlyLog<Pledge> log;
  private final Clock clock;

  /** What a pledge request did: recorded {@code pledge} now, or repeated an earlier request. */
  public record Pledged(Pledge pledge, boolean replayed) {}

  private PledgeLog(AppendOnlyLog<Pledge> log, Clock clock) {
    this.log = log;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Opens the log at {@code file}, dropping a torn last record (said to {@code warnings}). */
  public static PledgeLog open(Path file, Clock clock, Consumer<String> warnings) {
    return new PledgeLog(AppendOnlyLog.open(file, Pledge.class, PledgeLog::keys, warnings), clock);
  }

  /** Every pledge a log file holds, oldest first, without opening it for writing. */
  public static List<Pledge> read(Path file) {
    return AppendOnlyLog.read(file, Pledge.class);
  }

  /** Every pledge recorded, oldest first. */
  public List<Pledge> pledges() {
    return log.records();
  }

  /**
   * The only key no two pledges share: the donor's Idempotency-Key, by its SHA-256 (keys are the
   * donor's own, so two donors may pick the same one). A record written before hashes were kept
   * holds the raw key, which is hashed here, so an old request and its retry still meet. A donor
   * may pledge to one need more than once.
   */
  private static List<String> keys(Pledge pledge) {
    String hash = Pledge.idempotencyKeyHash(pledge);
    return Arrays.asList(hash == null ? null : requestKey(pledge.donorId(), hash));
  }

  /**
   * The pledge an earlier request of {@code donorId} with {@code idempotencyKey} made, if any, so
   * that a retry gets its first answer even when the need has since filled up or left the board.
   * Throws {@link IdempotencyKeyReused} when that request was for another need.
   */
  public Optional<Pledged> replay(String donorId, String idempotencyKey, String needRef) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return log.find(requestKey(donorId, IdempotencyKeys.hash(idempotencyKey)))
        .map(first -> replayed(first, needRef));
  }

  private static Pledged replayed(Pledge first, String needRef) {
    if (!first.needRef().equals(needRef)) {
      throw new IdempotencyKeyReused(first.needRef());
    }
    return new Pledged(first, true);
  }

  private static String requestKey(String donorId, String idempotencyKeyHash) {
    return "request\u0000" + donorId + "\u0000" + idempotencyKeyHash;
  }

  /**
   * Records that {@code donorId} pledges {@code amount} (null for a need without an amount) to
   * {@code need}, synced to disk before it returns. {@code idempotencyKey} (may be null) names the
   * request: repeated, it returns the pledge it made; only its SHA-256 is stored. Throws {@link
   * ExceedsNeed} when the need's pledges would add up to more than its amount, or a need without an
   * amount is pledged already, and {@link IdempotencyKeyReused} when the key named a request for
   * another need.
   */
  public Pledged pledge(NeedRow need, String donorId, Double amount, String idempotencyKey) {
    Pledge pledge =
        new Pledge(
            UUID.randomUUID().toString(),
            need.needRef(),
            need.needId(),
            donorId,
            amount,
            need.currency(),
            clock.instant().toString(),
            null,
            need.programId(),
            need.region(),
            IdempotencyKeys.hash(idempotencyKey));
    AppendOnlyLog.Appended<Pledge> appended =
        log.appendIfAbsent(pledge, stored -> admit(need, amount, stored));
    if (appended.created()) {
      return new Pledged(appended.record(), false);
    }
    return replayed(appended.record(), need.needRef());
  }

  /** Refuses a pledge the need has no room for, given every stored pledge. */
  private static void admit(NeedRow need, Double amount, List<Pledge> stored) {
    List<Pledge> onNeed = stored.stream().filter(p -> p.needId().equals(need.needId())).toList();
    if (need.amount() == null) {
      if (!onNeed.isEmpty()) {
        throw new ExceedsNeed(null);
      }
      return;
    }
    BigDecimal pledged =
        onNeed.stream()
            .map(p -> p.amount() == null ? BigDecimal.ZERO : BigDecimal.valueOf(p.amount()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal remaining = BigDecimal.valueOf(need.amount()).subtract(pledged).max(BigDecimal.ZERO);
    if (BigDecimal.valueOf(amount).compareTo(remaining) > 0) {
      throw new ExceedsNeed(remaining.doubleValue());
    }
  }

  /**
   * The pledge would take the need beyond its amount: {@code remaining} is what may still be
   * pledged to it (null for a need without an amount, which a pledge took whole).
   */
  public static final class ExceedsNeed extends RuntimeException {
    private final Double remaining;

    ExceedsNeed(Double remaining) {
      super("the pledge exceeds what the need still lacks");
      this.remaining = remaining;
    }

    public Double remaining() {
      return remaining;
    }
  }

  /** The Idempotency-Key of a pledge named a request for another need. */
  public static final class IdempotencyKeyReused extends RuntimeException {
    private final String needRef;

    IdempotencyKeyReused(String needRef) {
      super("the Idempotency-Key was used for need " + needRef);
      this.needRef = needRef;
    }

    /** The need the key's first request was for. */
    public String needRef() {
      return needRef;
    }
  }

  @Override
  public void close() {
    log.close();
  }
}
