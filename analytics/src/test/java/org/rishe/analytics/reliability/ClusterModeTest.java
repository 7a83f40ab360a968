package org.rishe.analytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.AnalyzeCommand;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestCommand;
import org.rishe.spark.TestSparkSessions;

/**
 * Runs ingest and analyze on a Spark standalone cluster (a master and one worker on loopback, built
 * from the jars already on the test classpath: nothing is downloaded) and compares what they wrote
 * with the same batch run in local mode. Executors deserialise every task, so a job that captures
 * something driver-only fails here and not in local mode.
 */
class ClusterModeTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @TempDir static Path temporary;

  private static SparkSession spark;
  private static JavaProcess master;
  private static JavaProcess worker;
  private static Path workDirectory;
  private static WarehouseLayout local;
  private static WarehouseLayout cluster;

  @BeforeAll
  static void runTheBatchLocallyAndOnACluster() throws IOException {
    spark = TestSparkSessions.shared();
    // the batch ingested and analyzed in local mode, in this JVM, shared with CrashSafetyTest
    ReliabilityWarehouse shared = ReliabilityWarehouse.shared();
    Path batch = shared.batch;
    Path localWarehouse = shared.warehouse;
    local = shared.layout;

    Path clusterWarehouse = temporary.resolve("cluster");
    cluster = new WarehouseLayout(clusterWarehouse.toString());
    copy(PseudonymKeys.keyFile(localWarehouse), PseudonymKeys.keyFile(clusterWarehouse));

    Path sparkHome = temporary.resolve("spark-home");
    List<Path> applicationJars = fakeSparkHome(sparkHome);
    Map<String, String> environment =
        Map.of(
            "SPARK_HOME",
            sparkHome.toString(),
            "SPARK_SCALA_VERSION",
            "2.13",
            "SPARK_LOCAL_IP",
            "127.0.0.1",
            "JAVA_HOME",
            System.getProperty("java.home"));
    String sparkClasspath = sparkHome.resolve("jars").resolve("*").toString();
    Path logs = temporary.resolve("logs");
    Path daemonLogging = writeLogging(logs.resolve("daemon-log4j2.properties"), "info");
    Path executorLogging = writeLogging(logs.resolve("executor-log4j2.properties"), "warn");
    int port = freePort();
    String masterUrl = "spark://127.0.0.1:" + port;
    workDirectory = temporary.resolve("work");

    master =
        JavaProcess.start(
            "master",
            sparkClasspath,
            List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + daemonLogging.toUri()),
            environment,
            logs.resolve("master.log"),
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--webui-port",
            "0");
    worker =
        JavaProcess.start(
            "worker",
            sparkClasspath,
            List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + daemonLogging.toUri()),
            environment,
            logs.resolve("worker.log"),
            "org.apache.spark.deploy.worker.Worker",
            masterUrl,
            "--host",
            "127.0.0.1",
            "--webui-port",
            "0",
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            workDirectory.toString());
    Polling.await(
        TIMEOUT,
        () ->
            logContains(master, "Registering worker")
                && logContains(worker, "registered with master"),
        () -> master.isAlive() && worker.isAlive(),
        () -> "the worker did not register\n" + master.output() + "\n" + worker.output());

    List<String> driverOptions =
        List.of(
            "-Xmx1g",
            "-Dspark.master=" + masterUrl,
            "-Dspark.jars="
                + String.join(",", applicationJars.stream().map(Path::toString).toList()),
            "-Dspark.driver.host=127.0.0.1",
            "-Dspark.driver.bindAddress=127.0.0.1",
            "-Dspark.executor.memory=768m",
            "-Dspark.cores.max=1",
            "-Dspark.sql.shuffle.partitions=2",
            "-Dspark.executor.extraJavaOptions="
                + String.join(" ", JavaProcess.SPARK_JVM_OPTIONS)
                + " -Dlog4j2.configurationFile="
                + executorLogging.toUri());
    String classpath = TestClasspath.asString();
    try (JavaProcess ingest =
        JavaProcess.start(
            "cluster-ingest",
            classpath,
            driverOptions,
            environment,
            logs.resolve("cluster-ingest.log"),
            IngestCommand.class.getName(),
            "--batch",
            batch.toString(),
            "--warehouse",
            cluster.root())) {
      ingest.awaitSuccess(TIMEOUT);
    }
    try (JavaProcess analyze =
        JavaProcess.start(
            "cluster-analyze",
            classpath,
            driverOptions,
            environment,
            logs.resolve("cluster-analyze.log"),
            AnalyzeCommand.class.getName(),
            "--warehouse",
            cluster.root())) {
      analyze.awaitSuccess(TIMEOUT);
    }
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
    WarehouseSnapshot expected = WarehouseSnapshot.of(spark, local);
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
    assertThat(applications).as("one application each for ingest and analyze").hasSize(2);
    for (Path application : applications) {
      StringBuilder executorLogs = new StringBuilder();
      try (Stream<Path> files = Files.walk(application)) {
        for (Path log :
            (Iterable<Path>)
                files.filter(f -> f.getFileName().toString().equals("stderr"))::iterator) {
          executorLogs.append(Files.readString(log, StandardCharsets.UTF_8));
        }
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
   * A SPARK_HOME whose {@code jars/} links every jar of the test classpath; each classes folder is
   * packed into a jar first. Returns those packed jars: the application's own code, for {@code
   * spark.jars}.
   */
  private static List<Path> fakeSparkHome(Path sparkHome) {
    Path jars = sparkHome.resolve("jars");
    Path packed = temporary.resolve("application-jars");
    List<Path> applicationJars = new ArrayList<>();
    try {
      Files.createDirectories(jars);
      Files.createDirectories(packed);
      int index = 0;
      for (Path entry : TestClasspath.entries()) {
        index++;
        Path jar = entry;
        if (Files.isDirectory(entry)) {
          jar = packed.resolve("classpath-" + index + ".jar");
          packDirectory(entry, jar);
          applicationJars.add(jar);
        }
        Path link = jars.resolve(jar.getFileName().toString());
        if (Files.exists(link)) {
          link = jars.resolve(index + "-" + jar.getFileName());
        }
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the fake SPARK_HOME at " + sparkHome, e);
    }
    return applicationJars;
  }

  private static void packDirectory(Path directory, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(directory.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  private static Path writeLogging(Path file, String sparkLevel) {
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
            "logger.deploy.level = " + sparkLevel,
            "logger.executor.name = org.apache.spark.executor.Executor",
            "logger.executor.level = info",
            "");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
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
