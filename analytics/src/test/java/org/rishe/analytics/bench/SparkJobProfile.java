package org.rishe.analytics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.SparkSessions;

/**
 * Where a small ingest and analyze spend their time: ingests a batch into a fresh warehouse and
 * analyzes it, {@code RUNS} times in one JVM (the first run pays the JVM's warm-up, the later ones
 * show the steady cost), printing each progress line with the seconds and Spark jobs since the
 * previous one and, per run, the call sites whose jobs took longest. Not a test: {@code
 * bench/analyze/jobs.sh BATCH [RUNS]}.
 */
public final class SparkJobProfile {
  private final Map<Integer, Long> started = new HashMap<>();
  private final Map<Integer, String> sites = new HashMap<>();
  private final Map<String, long[]> bySite = new HashMap<>();
  private final Map<Integer, String> stageSites = new HashMap<>();
  private int jobs;
  private int stagesRun;
  private long tasksRun;
  private long taskCpuNanos;

  public static void main(String[] arguments) throws Exception {
    if (arguments.length < 1) {
      System.err.println("usage: SparkJobProfile BATCH [RUNS]");
      System.exit(2);
    }
    int runs = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 2;
    long beforeSession = System.nanoTime();
    SparkSession spark = SparkSessions.getOrCreate("rishe-job-profile");
    System.out.printf(Locale.ROOT, "SparkSession: %.1f s%n", seconds(beforeSession));
    SparkJobProfile profile = new SparkJobProfile();
    spark.sparkContext().addSparkListener(profile.listener());
    for (int run = 1; run <= runs; run++) {
      Path warehouse = Files.createTempDirectory("rishe-job-profile");
      WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
      long ingestStart = System.nanoTime();
      int ingestJobs = profile.jobs();
      long ingestCompilations = compilations();
      new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), profile.lines("ingest"))
          .run(arguments[0], DateParser.BatchCalendar.GREGORIAN);
      System.out.printf(
          Locale.ROOT,
          "RUN %d ingest: %.1f s, %d jobs, %d classes generated and compiled%n",
          run,
          seconds(ingestStart),
          profile.jobs() - ingestJobs,
          compilations() - ingestCompilations);
      long analyzeStart = System.nanoTime();
      long analyzeCpu = processCpuNanos();
      long compilationsBefore = compilations();
      long[] before = profile.executed();
      int analyzeJobs = profile.jobs();
      new AnalyzeJob(spark, layout, profile.lines("analyze")).run(AnalyzeParameters.defaults());
      long[] after = profile.executed();
      System.out.printf(
          Locale.ROOT,
          "RUN %d analyze: %.1f s, %.1f s CPU of the JVM, %d jobs, %d stages and %d tasks run"
              + " (%.1f s of task CPU), %d classes generated and compiled%n",
          run,
          seconds(analyzeStart),
          (processCpuNanos() - analyzeCpu) / 1e9,
          profile.jobs() - analyzeJobs,
          after[0] - before[0],
          after[1] - before[1],
          (after[2] - before[2]) / 1e9,
          compilations() - compilationsBefore);
      profile.printSlowestSites(15);
    }
    spark.stop();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private synchronized int jobs() {
    return jobs;
  }

  /** Stages and tasks run so far (skipped ones not counted), and their tasks' CPU nanoseconds. */
  private synchronized long[] executed() {
    return new long[] {stagesRun, tasksRun, taskCpuNanos};
  }

  /** How many generated classes Spark has compiled in this JVM (its code cache's misses). */
  private static long compilations() {
    return org.apache.spark.metrics.source.CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
  }

  /** The CPU time of this JVM (driver and, in local mode, executors). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Progress lines with the time and the jobs since the previous line. */
  private Consumer<String> lines(String phase) {
    long[] previous = {System.nanoTime(), jobs()};
    // steps of an analyze run in two lanes report from two threads
    Object lock = new Object();
    return line -> {
      synchronized (lock) {
        report(phase, line, previous);
      }
    };
  }

  private void report(String phase, String line, long[] previous) {
    int now = jobs();
    System.out.printf(
        Locale.ROOT,
        "  %s +%.1f s, %d jobs | %s%n",
        phase,
        seconds(previous[0]),
        now - previous[1],
        line);
    previous[0] = System.nanoTime();
    previous[1] = now;
  }

  private synchronized void printSlowestSites(int limit) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(bySite.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    for (Map.Entry<String, long[]> entry : entries.subList(0, Math.min(limit, entries.size()))) {
      long[] totals = entry.getValue();
      System.out.printf(
          Locale.ROOT,
          "  %4d jobs %6.1f s  %s; run: %d stages, %d tasks, %.1f s task CPU%n",
          totals[0],
          totals[1] / 1e9,
          entry.getKey(),
          totals[2],
          totals[3],
          totals[4] / 1e9);
    }
    bySite.clear();
  }

  private SparkListener listener() {
    return new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        int tasks = 0;
        for (StageInfo stage : scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos())) {
          tasks += stage.numTasks();
        }
        // a job whose stages were all computed before (a reused shuffle) may list none
        String site =
            (start.stageInfos().isEmpty() ? "(no stages)" : start.stageInfos().last().name())
                + " ("
                + start.stageInfos().size()
                + " stages, "
                + tasks
                + " tasks)";
        synchronized (SparkJobProfile.this) {
          jobs++;
          started.put(start.jobId(), System.nanoTime());
          sites.put(start.jobId(), site);
          for (StageInfo stage :
              scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos())) {
            stageSites.putIfAbsent(stage.stageId(), site);
          }
        }
      }

      @Override
      public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo stage = completed.stageInfo();
        long cpu = stage.taskMetrics() == null ? 0 : stage.taskMetrics().executorCpuTime();
        synchronized (SparkJobProfile.this) {
          stagesRun++;
          tasksRun += stage.numTasks();
          taskCpuNanos += cpu;
          String site = stageSites.remove(stage.stageId());
          if (site != null) {
            long[] totals = bySite.computeIfAbsent(site, key -> new long[5]);
            totals[2]++;
            totals[3] += stage.numTasks();
            totals[4] += cpu;
          }
        }
      }

      @Override
      public void onJobEnd(SparkListenerJobEnd end) {
        synchronized (SparkJobProfile.this) {
          Long since = started.remove(end.jobId());
          String site = sites.remove(end.jobId());
          if (since != null) {
            long[] totals = bySite.computeIfAbsent(site, key -> new long[5]);
            totals[0]++;
            totals[1] += System.nanoTime() - since;
          }
        }
      }
    };
  }
}
