package org.rishe.analytics.reliability;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started by a test: the test's own {@code java}, the given classpath and the Spark JVM
 * options, its output (stdout and stderr together) in a log file that failures quote.
 */
public final class JavaProcess implements AutoCloseable {
  /** Spark 4 on Java 17: the same list as the parent pom's {@code spark.jvm.options}. */
  public static final List<String> SPARK_JVM_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  /**
   * A child runs for seconds to a minute on a test's small batch: the JVM's first compiler alone
   * spends less CPU than compiling with both, as {@code bin/rishe} runs a small batch. C1 alone
   * would shrink the code cache to the JVM's non-tiered 48 MB, which Spark's code fills (the JVM
   * then stops compiling): the tiered 240 MB is kept.
   */
  public static final List<String> SHORT_RUN_JIT =
      List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

  private final String name;
  private final Path log;
  private final Process process;

  private JavaProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code mainClass} with the Spark JVM options and {@link #SHORT_RUN_JIT}, {@code
   * jvmOptions} (heap, system properties), the classpath and the extra environment variables.
   */
  public static JavaProcess start(
      String name,
      String classpath,
      List<String> jvmOptions,
      Map<String, String> environment,
      Path log,
      String mainClass,
      String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SPARK_JVM_OPTIONS);
    command.addAll(SHORT_RUN_JIT);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(requireNonNull(classpath, "classpath is null"));
    command.add(mainClass);
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log.getParent());
      return new JavaProcess(name, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** Waits for the process to exit 0; otherwise fails quoting its output. */
  public void awaitSuccess(Duration timeout) {
    int exit = awaitExit(timeout);
    if (exit != 0) {
      throw new AssertionError(name + " exited with " + exit + "\n" + output());
    }
  }

  /** Waits for the process to exit and returns its exit status; fails on timeout. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new AssertionError(name + " did not finish within " + timeout + "\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + name, e);
    }
  }

  /** SIGKILL, as a crash or {@code kill -9} would: no shutdown hooks, no finally blocks. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The process's output so far, for failure messages. */
  public String output() {
    try {
      return "---- output of "
          + name
          + " ("
          + log
          + ") ----\n"
          + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(none)");
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
