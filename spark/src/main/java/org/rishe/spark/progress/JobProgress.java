package org.rishe.spark.progress;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;

/**
 * Progress lines for a long Spark action: the jobs the calling thread starts while this is open are
 * put in a job group of their own, and a daemon thread reports every {@code interval} how many of
 * their tasks are done, how many run, the elapsed time and an estimate of the time left (from the
 * rate so far), plus optional counts of finished work ({@link Count}: an accumulator's value, which
 * grows as tasks end, of a total when known, which then sets the time left). A line is printed only
 * when something moved. Works the same in local mode and on a cluster: it reads the driver's status
 * tracker, not the executors.
 *
 * <pre>{@code
 * try (JobProgress watch = JobProgress.watch(spark.sparkContext(), "estimates", progress)) {
 *   rows = dataset.collectAsList();
 * }
 * }</pre>
 */
public final class JobProgress implements AutoCloseable {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  private static final String GROUP_PROPERTY = "spark.jobGroup.id";
  private static final String DESCRIPTION_PROPERTY = "spark.job.description";

  private final SparkContext context;
  private final String label;
  private final Consumer<String> progress;
  private final List<Count> counts;
  private final String group;
  private final String previousGroup;
  private final String previousDescription;
  private final long started;
  private final Thread reporter;
  private String lastLine = "";

  private JobProgress(
      SparkContext context,
      String label,
      Consumer<String> progress,
      Duration interval,
      List<Count> counts) {
    this.context = requireNonNull(context, "context is null");
    this.label = requireNonNull(label, "label is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.counts = List.copyOf(counts);
    this.group = "rishe-" + UUID.randomUUID();
    this.previousGroup = context.getLocalProperty(GROUP_PROPERTY);
    this.previousDescription = context.getLocalProperty(DESCRIPTION_PROPERTY);
    context.setJobGroup(group, label, false);
    this.started = System.nanoTime();
    this.reporter = reporter(label, interval, this::report);
  }

  /**
   * A started daemon thread, named after {@code label}, that runs {@code report} every {@code
   * interval} until it is interrupted.
   */
  static Thread reporter(String label, Duration interval, Runnable report) {
    long pause = Math.max(1, requireNonNull(interval, "interval is null").toMillis());
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(pause);
                  report.run();
                }
              } catch (InterruptedException e) {
                // closed
              }
            },
            "rishe-progress-" + label);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Watches the jobs of {@code label}, reporting every {@link #DEFAULT_INTERVAL}. */
  public static JobProgress watch(SparkContext context, String label, Consumer<String> progress) {
    return new JobProgress(context, label, progress, DEFAULT_INTERVAL, List.of());
  }

  /**
   * Work the watched jobs count as they go (e.g. a {@code LongAccumulator}'s value): {@code done}
   * of {@code total} {@code name}, the total 0 when not known beforehand. A count with a total
   * estimates the time left better than the tasks do when tasks differ in size.
   */
  public record Count(String name, LongSupplier done, long total) {
    public Count {
      requireNonNull(name, "name is null");
      requireNonNull(done, "done is null");
      if (total < 0) {
        throw new IllegalArgumentException("a count's total is 0 (unknown) or more: " + total);
      }
    }
  }

  /**
   * Watches the jobs of {@code label}, also reporting each of {@code counts}; the time left comes
   * from the first count with a total once some of it is done, from the tasks otherwise.
   */
  public static JobProgress watch(
      SparkContext context,
      String label,
      Consumer<String> progress,
      Duration interval,
      List<Count> counts) {
    return new JobProgress(context, label, progress, interval, counts);
  }

  /** The tasks of the watched jobs: done, running and in all, over every stage seen so far. */
  record Tasks(int done, int running, int total) {}

  Tasks tasks() {
    SparkStatusTracker tracker = context.statusTracker();
    int done = 0;
    int running = 0;
    int total = 0;
    for (int jobId : tracker.getJobIdsForGroup(group)) {
      SparkJobInfo job = tracker.getJobInfo(jobId).getOrElse(() -> null);
      if (job == null) {
        continue;
      }
      for (int stageId : job.stageIds()) {
        SparkStageInfo stage = tracker.getStageInfo(stageId).getOrElse(() -> null);
        if (stage != null) {
          done += stage.numCompletedTasks();
          running += stage.numActiveTasks();
          total += stage.numTasks();
        }
      }
    }
    return new Tasks(done, running, total);
  }

  private synchronized void report() {
    Tasks tasks = tasks();
    if (tasks.total() == 0) {
      return;
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    StringBuilder line = new StringBuilder("  ").append(label).append(": ");
    Double share = null;
    for (Count count : counts) {
      long done = count.done().getAsLong();
      if (count.total() > 0) {
        line.append(
            String.format(Locale.ROOT, "%,d of %,d %s done, ", done, count.total(), count.name()));
        if (share == null && done > 0) {
          share = Math.min(1.0, (double) done / count.total());
        }
      } else {
        line.append(String.format(Locale.ROOT, "%,d %s done, ", done, count.name()));
      }
    }
    line.append(
        String.format(
            Locale.ROOT,
            "%,d of %,d tasks done, %d running",
            tasks.done(),
            tasks.total(),
            tasks.running()));
    String moved = line.toString();
    if (moved.equals(lastLine)) {
      return;
    }
    lastLine = moved;
    line.append(", ").append(duration(elapsed)).append(" elapsed");
    if (share != null && share < 1) {
      line.append(", about ").append(duration(elapsed / share * (1 - share))).append(" left");
    } else if (share == null && tasks.done() > 0 && tasks.done() < tasks.total()) {
      double left = elapsed / tasks.done() * (tasks.total() - tasks.done());
      line.append(", about ").append(duration(left)).append(" left");
    }
    progress.accept(line.toString());
  }

  static String duration(double seconds) {
    long whole = Math.round(seconds);
    return whole < 60
        ? whole + " s"
        : whole < 3600
            ? String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60)
            : String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
  }

  /** Stops reporting and gives the thread back its previous job group. */
  @Override
  public void close() {
    reporter.interrupt();
    context.clearJobGroup();
    context.setLocalProperty(GROUP_PROPERTY, previousGroup);
    context.setLocalProperty(DESCRIPTION_PROPERTY, previousDescription);
  }
}
