package org.rishe.api.volunteers;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.rishe.api.journal.AppendOnlyLog;
import org.rishe.api.journal.IdempotencyKeys;

/**
 * The volunteers' interests in programmes, kept in an {@link AppendOnlyLog} at {@code
 * <warehouse>/logs/interests.jsonl}. A volunteer is interested in a programme once: registering it
 * again returns the first record. A request repeated with the same Idempotency-Key returns the
 * record it made, and never records twice.
 */
public final class InterestLog implements AutoCloseable {
  private final AppendOnlyLog<Interest> log;
  private final Clock clock;

  /** What a registration did: made {@code interest} now, repeated a request, or found it. */
  public enum Outcome {
    CREATED,
    REPLAYED,
    ALREADY_REGISTERED
  }

  /** The interest a registration answers with and what happened. */
  public record Registration(Interest interest, Outcome outcome) {}

  private InterestLog(AppendOnlyLog<Interest> log, Clock clock) {
    this.log = log;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Opens the log at {@code file}, dropping a torn last record (said to {@code warnings}). */
  public static InterestLog open(Path file, Clock clock, Consumer<String> warnings) {
    return new InterestLog(
        AppendOnlyLog.open(file, Interest.class, InterestLog::keys, warnings), clock);
  }

  /** Every interest a log file holds, oldest first, without opening it for writing. */
  public static List<Interest> read(Path file) {
    return AppendOnlyLog.read(file, Interest.class);
  }

  /** The interests {@code volunteerId} registered, oldest first. */
  public List<Interest> of(String volunteerId) {
    requireNonNull(volunteerId, "volunteerId is null");
    return log.records().stream().filter(i -> volunteerId.equals(i.volunteerId())).toList();
  }

  /**
   * The keys no two interests share: the volunteer's Idempotency-Key first, by its SHA-256 (keys
   * are the volunteer's own, so two volunteers may pick the same one; a record written before
   * hashes were kept holds the raw key, hashed here), then the volunteer and programme.
   */
  private static List<String> keys(Interest interest) {
    String hash = Interest.idempotencyKeyHash(interest);
    return Arrays.asList(
        hash == null ? null : "request\u0000" + interest.volunteerId() + "\u0000" + hash,
        "interest\u0000" + interest.volunteerId() + "\u0000" + interest.programId());
  }

  /**
   * Records that {@code volunteerId} is interested in {@code programId}, synced to disk before it
   * returns. {@code idempotencyKey} (may be null) names the request: repeated, it returns the
   * record it made; only its SHA-256 is stored. Throws {@link IdempotencyKeyReused} when the key
   * named a request for another programme.
   */
  public Registration register(String volunteerId, String programId, String idempotencyKey) {
    String hash = IdempotencyKeys.hash(idempotencyKey);
    AppendOnlyLog.Appended<Interest> appended =
        log.appendIfAbsent(
            new Interest(volunteerId, programId, clock.instant().toString(), null, hash));
    Interest interest = appended.record();
    if (appended.created()) {
      return new Registration(interest, Outcome.CREATED);
    }
    if (hash != null && hash.equals(Interest.idempotencyKeyHash(interest))) {
      if (!interest.programId().equals(programId)) {
        throw new IdempotencyKeyReused(interest.programId());
      }
      return new Registration(interest, Outcome.REPLAYED);
    }
    return new Registration(interest, Outcome.ALREADY_REGISTERED);
  }

  /** The Idempotency-Key of a registration named a request for another programme. */
  public static final class IdempotencyKeyReused extends RuntimeException {
    private final String programId;

    IdempotencyKeyReused(String programId) {
      super("the Idempotency-Key was used for programme " + programId);
      this.programId = programId;
    }

    /** The programme the key's first request was for. */
    public String programId() {
      return programId;
    }
  }

  @Override
  public void close() {
    log.close();
  }
}
