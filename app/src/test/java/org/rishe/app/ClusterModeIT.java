package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.reliability.JavaProcess;
import org.rishe.analytics.reliability.Polling;
import org.rishe.analytics.reliability.ReliabilityWarehouse;
import org.rishe.analytics.reliability.WarehouseSnapshot;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.TestSparkSessions;

/**
 * Runs the README's {@code spark-submit} command, as written ({@link ReadmeSubmitCommands}: only
 * the master URL, batch folder and warehouse filled in), on a Spark standalone cluster (a master
 * and one worker on loopback), and compares what they wrote with the same batch run in local mode.
 * The cluster is a plain Spark distribution: its {@code jars/} holds the module's provided
 * dependencies only ({@code target/spark-classpath.txt}: Spark, Scala, Hadoop and the rest of what
 * a distribution ships, nothing downloaded), and the driver is {@code SparkSubmit} started on that
 * classpath, as the {@code spark-submit} script starts it, with the packaged {@code
 * target/rishe-app-VERSION.jar}, the README's jar path, as its application jar. So every class
 * Rishe needs beyond Spark must be in that jar, and the executors, which get it as {@code
 * spark.jars}, deserialise every task: a job that captures something driver-only fails here and not
 * in local mode. What the test environment needs beyond the commands (loopback addresses) is given
 * through Spark's environment variables, not options. Runs in {@code verify}, after {@code package}
 * built the jar.
 */
class ClusterModeIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /**
   * The README's command (ingest and analyze) runs with Spark's own settings but for the test
   * cluster's two shuffle partitions, on one core: slower than with the local-mode defaults of
   * {@code bin/rishe}.
   */
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(15);

  @TempDir static Path temporary;

  private static SparkSession spark;
  private static JavaProcess master;
  private static JavaProcess worker;
  private static Path workDirectory;
  private static WarehouseLayout local;
  private static WarehouseLayout cluster;
  private static String sparkClasspath;
  private static Map<String, String> environment;
  private static Path logs;

  @BeforeAll
  static void runTheBatchLocallyAndOnACluster() throws IOException {
    Path applicationJar = PackagedApplication.jar();
    spark = TestSparkSessions.shared();
    // the batch and its key now; it is ingested and analyzed in local mode, in this JVM (as
    // CrashSafetyIT makes its reference), while the cluster runs it
    ReliabilityWarehouse shared = ReliabilityWarehouse.prepared();
    Path batch = shared.batch;
    Path localWarehouse = shared.warehouse;
    local = shared.layout;

    Path clusterWarehouse = temporary.resolve("cluster");
    cluster = new WarehouseLayout(clusterWarehouse.toString());
    copy(PseudonymKeys.keyFile(localWarehouse), PseudonymKeys.keyFile(clusterWarehouse));

    ReadmeSubmitCommands readme = ReadmeSubmitCommands.read();
    Path sparkHome = temporary.resolve("spark-home");
    fakeSparkHome(sparkHome);
    // loopback only, through Spark's environment variables rather than --conf options the
    // README's commands do not have
    environment =
        Map.of(
            "SPARK_HOME",
            sparkHome.toString(),
            "SPARK_SCALA_VERSION",
            "2.13",
            "SPARK_LOCAL_IP",
            "127.0.0.1",
            "SPARK_LOCAL_HOSTNAME",
            "127.0.0.1",
            "JAVA_HOME",
            System.getProperty("java.home"),
            // the executor, which the worker starts with its own environment, runs a short job
            // on a small batch as the other JVMs here do (JavaProcess.SHORT_RUN_JIT)
            "JAVA_TOOL_OPTIONS",
            String.join(" ", JavaProcess.SHORT_RUN_JIT));
    sparkClasspath = sparkHome.resolve("jars").resolve("*").toString();
    logs = temporary.resolve("logs");
    List<String> daemonOptions =
        List.of(
            "-Xmx512m",
            "-Dlog4j2.configurationFile=" + writeDaemonLogging(logs.resolve("log4j2.properties")));
    int port = freePort();
    String masterUrl = "spark://127.0.0.1:" + port;
    workDirectory = temporary.resolve("work");

    master =
        spark(
            "master",
            daemonOptions,
            "org.apache.spark.deploy.master.Master",
            List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"));
    // a worker's --memory is what it offers executors, not what it uses: it offers exactly the
    // README's --executor-memory, so the README's executor fits, and one core (the commands ask
    // for no particular number)
    worker =
        spark(
            "worker",
            daemonOptions,
            "org.apache.spark.deploy.worker.Worker",
            List.of(
                masterUrl,
                "--host",
                "127.0.0.1",
                "--webui-port",
                "0",
                "--cores",
                "1",
                "--memory",
                readme.option("pipeline", "--executor-memory"),
                "--work-dir",
                workDirectory.toString()));
    Polling.await(
        TIMEOUT,
        () ->
            logContains(master, "Registering worker")
                && logContains(worker, "registered with master"),
        () -> master.isAlive() && worker.isAlive(),
        () -> "the worker did not register\n" + master.output() + "\n" + worker.output());

    Map<String, String> placeholders =
        Map.of(
            ReadmeSubmitCommands.MASTER_URL,
            masterUrl,
            ReadmeSubmitCommands.BATCH_DIR,
            batch.toString(),
            ReadmeSubmitCommands.WAREHOUSE_URI,
            cluster.root());
    List<String> arguments = readme.arguments("pipeline", placeholders);
    assertThat(arguments).as("the README's jar").contains(applicationJar.toString());
    long started = System.nanoTime();
    try (JavaProcess pipeline = sparkSubmit("cluster-pipeline", readme, "pipeline", arguments)) {
      ReliabilityWarehouse.shared();
      pipeline.awaitSuccess(SUBMIT_TIMEOUT);
    }
    System.out.printf(
        "cluster ingest and analyze: %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
  }

  /**
   * The JVM the {@code spark-submit} script starts in client mode: {@code SparkSubmit} on
   * SPARK_HOME/jars/* with the README's arguments, its heap the command's {@code --driver-memory}
   * (the script's launcher reads that option to size the driver JVM, which {@code SparkSubmit}
   * itself cannot do once started), its output in logs/NAME.log.
   */
  private static JavaProcess sparkSubmit(
      String name, ReadmeSubmitCommands readme, String command, List<String> arguments) {
    return spark(
        name,
        List.of("-Xmx" + readme.option(command, "--driver-memory")),
        "org.apache.spark.deploy.SparkSubmit",
        arguments);
  }

  /** A JVM on SPARK_HOME/jars/*, as Spark's own scripts start one, logging to logs/NAME.log. */
  private static JavaProcess spark(
      String name, List<String> jvmOptions, String mainClass, List<String> arguments) {
    return JavaProcess.start(
        name,
        sparkClasspath,
        jvmOptions,
        environment,
        logs.resolve(name + ".log"),
        mainClass,
        arguments.toArray(String[]::new));
  }

  @AfterAll
  static void stopTheCluster() {
    if (worker != null) {
      worker.close();
    }
    if (master != null) {
      master.close();
    }
  }

  @Test
  void curatedAndQuarantineTablesEqualTheLocalModeOnes() {
    WarehouseSnapshot expected = ReliabilityWarehouse.shared().snapshot();
    WarehouseSnapshot actual = WarehouseSnapshot.of(spark, cluster);
    assertThat(actual.counts()).isEqualTo(expected.counts());
    assertThat(actual.table("curated/cases").rows()).isPositive();
    for (String table : WarehouseSnapshot.tableNames()) {
      assertThat(actual.table(table)).as(table).isEqualTo(expected.table(table));
    }
  }

  @Test
  void publishedProblemsEqualTheLocalModeOnes() {
    WarehouseSnapshot.TableState expected = problems(local);
    assertThat(expected.rows()).isPositive();
    assertThat(problems(cluster)).isEqualTo(expected);
  }

  @Test
  void executorsOnTheWorkerRanTheTasks() throws IOException {
    List<Path> applications;
    try (Stream<Path> folders = Files.list(workDirectory)) {
      applications = folders.filter(f -> f.getFileName().toString().startsWith("app-")).toList();
    }
    assertThat(applications).as("one application: ingest and analyze").hasSize(1);
    for (Path application : applications) {
      StringBuilder executorLogs = new StringBuilder();
      try (Stream<Path> files = Files.walk(application)) {
        for (Path log :
            (Iterable<Path>)
                files.filter(f -> f.getFileName().toString().equals("stderr"))::iterator) {
          executorLogs.append(Files.readString(log, StandardCharsets.UTF_8));
        }
      }
      try (Stream<Path> files = Files.walk(application)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .as("the jars the executors of %s fetched (spark.jars)", application)
            .contains(PackagedApplication.jar().getFileName().toString());
      }
      assertThat(executorLogs.toString())
          .as("executor logs of %s", application)
          .contains("Running task")
          .doesNotContain("ClassNotFoundException")
          .doesNotContain("NotSerializableException");
    }
  }

  private static WarehouseSnapshot.TableState problems(WarehouseLayout layout) {
    String run = PublishedRuns.latest(layout);
    return WarehouseSnapshot.state(
        spark.read().parquet(layout.runTable(run, ResultTables.PROBLEMS)));
  }

  /**
   * A SPARK_HOME whose {@code jars/} links every jar of {@code target/spark-classpath.txt}: the
   * module's provided dependencies, what a Spark distribution ships. Its {@code
   * conf/spark-defaults.conf} is the cluster's own configuration, as its operator would write it
   * for one core: two shuffle partitions instead of Spark's 200, which on one core cost the run
   * eight minutes of empty tasks. The README's commands carry no setting of their own.
   */
  private static void fakeSparkHome(Path sparkHome) {
    Path jars = sparkHome.resolve("jars");
    try {
      Files.createDirectories(sparkHome.resolve("conf"));
      Files.writeString(
          sparkHome.resolve("conf").resolve("spark-defaults.conf"),
          "spark.sql.shuffle.partitions 2\n");
      Files.createDirectories(jars);
      int index = 0;
      for (Path jar : PackagedApplication.sparkJars()) {
        index++;
        Path link = jars.resolve(jar.getFileName().toString());
        if (Files.exists(link)) {
          link = jars.resolve(index + "-" + jar.getFileName());
        }
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the fake SPARK_HOME at " + sparkHome, e);
    }
  }

  /** The master's and worker's logging: warnings, and their deploy messages the test waits for. */
  private static String writeDaemonLogging(Path file) {
    String text =
        String.join(
            "\n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.stderr.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.target = SYSTEM_ERR",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
            "logger.deploy.name = org.apache.spark.deploy",
            "logger.deploy.level = info",
            "");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file.toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean logContains(JavaProcess process, String text) {
    try {
      return Files.exists(process.log())
          && Files.readString(process.log(), StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
