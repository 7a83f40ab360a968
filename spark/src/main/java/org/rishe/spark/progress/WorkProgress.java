package org.rishe.spark.progress;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress lines for long work that runs on the driver's own threads rather than as Spark jobs (the
 * causal graph's stability resamples, the chains' models), which {@link JobProgress} cannot see: a
 * daemon thread reports every {@code interval} how many of the work's units are done, the elapsed
 * time and an estimate of the time left at the pace so far. A line is printed only when the count
 * moved since the last one.
 *
 * <pre>{@code
 * AtomicInteger done = new AtomicInteger();
 * try (WorkProgress watch = WorkProgress.watch("stability", "resamples", 30, done::get, progress)) {
 *   ... done.incrementAndGet() as each resample ends ...
 * }
 * }</pre>
 */
public final class WorkProgress implements AutoCloseable {
  private final String label;
  private final String units;
  private final LongSupplier total;
  private final LongSupplier done;
  private final Consumer<String> progress;
  private final long started;
  private final Thread reporter;
  private long lastDone = -1;

  private WorkProgress(
      String label,
      String units,
      LongSupplier total,
      LongSupplier done,
      Consumer<String> progress,
      Duration interval) {
    this.label = requireNonNull(label, "label is null");
    this.units = requireNonNull(units, "units is null");
    this.total = requireNonNull(total, "total is null");
    this.done = requireNonNull(done, "done is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.started = System.nanoTime();
    this.reporter = JobProgress.reporter(label, interval, this::report);
  }

  /**
   * Watches {@code done} of {@code total} {@code units} of {@code label}, reporting every {@link
   * JobProgress#DEFAULT_INTERVAL}.
   */
  public static WorkProgress watch(
      String label, String units, long total, LongSupplier done, Consumer<String> progress) {
    return watch(label, units, () -> total, done, progress, JobProgress.DEFAULT_INTERVAL);
  }

  /**
   * Watches {@code done} of {@code total} {@code units}, the total read at each report (0 while not
   * yet known: the line then gives no time left).
   */
  public static WorkProgress watch(
      String label,
      String units,
      LongSupplier total,
      LongSupplier done,
      Consumer<String> progress,
      Duration interval) {
    return new WorkProgress(label, units, total, done, progress, interval);
  }

  /** The line a report prints, or null when nothing moved since the last one. */
  synchronized String line(double elapsedSeconds) {
    long finished = done.getAsLong();
    if (finished == lastDone) {
      return null;
    }
    lastDone = finished;
    long all = total.getAsLong();
    StringBuilder line = new StringBuilder("      ").append(label).append(": ");
    if (all > 0) {
      line.append(String.format(Locale.ROOT, "%,d of %,d %s done", finished, all, units));
    } else {
      line.append(String.format(Locale.ROOT, "%,d %s done", finished, units));
    }
    line.append(", ").append(JobProgress.duration(elapsedSeconds)).append(" elapsed");
    if (all > 0 && finished > 0 && finished < all) {
      double left = elapsedSeconds / finished * (all - finished);
      line.append(", about ").append(JobProgress.duration(left)).append(" left");
    }
    return line.toString();
  }

  private void report() {
    String line = line((System.nanoTime() - started) / 1e9);
    if (line != null) {
      progress.accept(line);
    }
  }

  /** Stops reporting. */
  @Override
  public void close() {
    reporter.interrupt();
  }
}
