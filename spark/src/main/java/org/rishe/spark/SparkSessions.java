package org.rishe.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.rishe.spark.localfs.NioLocalFileSystem;
import org.rishe.spark.localfs.NioLocalFs;

/**
 * Builds the one SparkSession of a JVM. Local mode ({@code local[*]}) is the default; under {@code
 * spark-submit} (or with {@code spark.master} set) the given master is used unchanged, so the same
 * job runs on a cluster.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * The session for a job, created on first use and shared afterwards (the analyze of {@code rishe
   * pipeline} runs in the session its ingest created, under the ingest's name).
   */
  public static SparkSession getOrCreate(String appName) {
    scala.Option<SparkSession> existing = SparkSession.getDefaultSession();
    if (existing.isDefined() && !existing.get().sparkContext().isStopped()) {
      return existing.get();
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (System.getProperty("spark.master") == null && System.getenv("SPARK_MASTER_URL") == null) {
      builder.master(System.getProperty("rishe.spark.master", "local[*]"));
      if (System.getProperty("spark.sql.shuffle.partitions") == null) {
        // one machine: a few partitions per core, not the cluster default of 200; a job may raise
        // them for a large input (fitShufflePartitions)
        String partitions =
            String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        builder.config("spark.sql.shuffle.partitions", partitions);
        builder.config(BASE_SHUFFLE_PARTITIONS, partitions);
      }
      if (System.getProperty("spark.sql.adaptive.enabled") == null) {
        // one machine and a few partitions: adaptive execution has little to coalesce or split,
        // and submitting every query stage as a job of its own cost the demo's analyze 14 of 104 s
        builder.config("spark.sql.adaptive.enabled", "false");
      }
    } else if (System.getProperty("spark.master") == null) {
      builder.master(System.getenv("SPARK_MASTER_URL"));
    }
    return configure(builder).getOrCreate();
  }

  /**
   * The shuffle partitions {@link #getOrCreate} chose for a local session, when it chose them (no
   * {@code spark.sql.shuffle.partitions} given): the count {@link #fitShufflePartitions} starts
   * from.
   */
  static final String BASE_SHUFFLE_PARTITIONS = "rishe.shufflePartitions.base";

  /** The stored input a shuffle partition is fitted to ({@link #fitShufflePartitions}). */
  static final long INPUT_BYTES_PER_SHUFFLE_PARTITION = 64L << 20;

  /**
   * Sets the shuffle partitions of a session whose count {@link #getOrCreate} chose to one per 64
   * MB of the job's stored input ({@code inputBytes}, compressed Parquet), never fewer than it
   * chose, and returns the count in force; a count the user gave, or a cluster's, is left as it is.
   * With the few partitions that suit a small warehouse, a million families' sort-merge joins
   * sorted a quarter of the population in one task, and a sorter once found no heap for its next
   * page (bench/analyze/README.md). Spark's adaptive execution would size them itself, but submits
   * every query stage as a job of its own, which small warehouses pay for (hence off).
   */
  public static int fitShufflePartitions(SparkSession spark, long inputBytes) {
    String base = spark.conf().get(BASE_SHUFFLE_PARTITIONS, null);
    if (base == null) {
      return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    }
    long wanted =
        (inputBytes + INPUT_BYTES_PER_SHUFFLE_PARTITION - 1) / INPUT_BYTES_PER_SHUFFLE_PARTITION;
    int partitions = (int) Math.max(Integer.parseInt(base), Math.min(wanted, 10_000));
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    return partitions;
  }

  /**
   * Ends a command's JVM with {@code status}, after stopping its SparkSession if it started one. On
   * a cluster the application then ends as the master expects (executors told to stop and the event
   * log closed) rather than by the JVM's shutdown hook racing the executors' last messages.
   */
  public static void exit(int status) {
    scala.Option<SparkSession> session = SparkSession.getDefaultSession();
    if (session.isDefined()) {
      try {
        session.get().stop();
      } catch (RuntimeException e) {
        // the command has done its work and said so; a failed stop must not change its status
        System.err.println("rishe: stopping Spark failed: " + e);
      }
    }
    System.exit(status);
  }

  /**
   * The settings every Rishe session has, whatever its master: no UI, UTC, Delta, legacy (non-ANSI)
   * SQL, the JVM's case mappings, room in the code cache for every class a run generates, {@code
   * java.time} values, local files written without a child process per call, no per-session class
   * loaders and broadcasts that may wait for a core behind other work. The tests' session (in this
   * module's test-jar) adds them too.
   */
  static SparkSession.Builder configure(SparkSession.Builder builder) {
    // settings a spark-submit --conf (a JVM system property) may give instead of Rishe's values
    for (Map.Entry<String, String> setting : UNLESS_SUBMITTED.entrySet()) {
      if (System.getProperty(setting.getKey()) == null) {
        builder.config(setting.getKey(), setting.getValue());
      }
    }
    return builder
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // A MERGE marks the rows it replaces or deletes in a deletion vector instead of rewriting
        // every data file that holds one: a follow-up batch touching 1% of the keys (spread over
        // every file by their hashes) writes its new rows and small vectors, not the table again.
        .config("spark.databricks.delta.properties.defaults.enableDeletionVectors", "true")
        // A MERGE's source is the ingest's own staged Parquet, written once before and removed
        // after, and its plan is deterministic: no need to copy it to memory and disk first, as
        // Delta does by default for any source that is not a Delta table.
        .config("spark.databricks.delta.merge.materializeSource", "none")
        .config("spark.sql.ansi.enabled", "false")
        // lower()/upper() with the JVM's case mappings: Spark's ICU ones build a table of every
        // code point on first use (2 s of each JVM), and our codes and labels need no locale rules
        .config("spark.sql.icu.caseMappings.enabled", "false")
        .config("spark.sql.datetime.java8API.enabled", "true")
        // Every compiled class of generated code kept for reuse, not Spark's last 100: one ingest
        // and analyze of a small batch compile about 1,100 distinct classes, many repeated across
        // queries, so with 100 the cache churned and a second run in the same JVM compiled 1,300
        // again (a test JVM runs dozens, `rishe pipeline` two); with room for all a single run
        // compiles 250 fewer and a second none (bench/README.md). An entry is a loaded class and
        // its bytecode, tens of kilobytes.
        .config("spark.sql.codegen.cache.maxEntries", "4000")
        // No per-session class loaders on the executors: Rishe adds no jars or files to a session
        // (the application's jar is the application's), and with them each task's generated code
        // looked up its classes through Spark's isolating loaders, which ask the driver for a
        // class they do not find; the demo's analyze took a median 29.9 s against 30.8 s
        // (bench/README.md). PySpark and spark-shell turn it off as well.
        .config("spark.sql.artifact.isolation.enabled", "false");
  }

  static final String BROADCAST_TIMEOUT = "spark.sql.broadcastTimeout";

  static final String SCHEDULER_MODE = "spark.scheduler.mode";

  /**
   * Rishe's values for settings that the JVM's system properties (spark-submit's {@code --conf})
   * may set instead:
   *
   * <ul>
   *   <li>{@code file:} paths through java.nio, not a chmod or readlink process per file written or
   *       renamed ({@code org.rishe.spark.localfs}): an ingest of the demo's batch started 573 of
   *       them;
   *   <li>a broadcast may wait ten hours for its job. Its clock starts when its query is planned,
   *       not when its job gets a core: an entity loading beside a large one (ingest's loaders,
   *       analyze's two lanes) waits for the other's tasks under Spark's first-in-first-out
   *       scheduling. With Spark's 300 s, the cases of a 1,000,000-family batch failed so behind
   *       its 33 M observations on a busy machine (bench/analyze/README.md, session 29). A hung
   *       broadcast still fails;
   *   <li>fair scheduling between the pools of {@link SchedulerPools}: concurrent work in pools of
   *       its own shares the cores instead of queueing behind whichever job came first. Jobs
   *       outside a pool all go to the default pool, first in, first out, as without it.
   * </ul>
   */
  static final Map<String, String> UNLESS_SUBMITTED =
      Map.of(
          "spark.hadoop.fs.file.impl",
          NioLocalFileSystem.class.getName(),
          "spark.hadoop.fs.AbstractFileSystem.file.impl",
          NioLocalFs.class.getName(),
          BROADCAST_TIMEOUT,
          "36000",
          SCHEDULER_MODE,
          "FAIR");
}
