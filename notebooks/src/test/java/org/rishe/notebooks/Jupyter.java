package org.rishe.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code jupyter} with every Jupyter folder (data, config, runtime) inside {@code
 * target/}, so a test installs its kernel spec there and writes nothing in the user's home.
 */
final class Jupyter {
  /**
   * How long each attempt's kernel may take to answer its first request, in seconds. A kernel that
   * answers does so in 1.0-1.2 s on a quiet machine (its JVM's start; {@code wait_for_ready} over
   * 25 starts), under load within 10 s; one caught in rapaio's start-up race never does (twice in
   * 27 starts on a quiet machine, more under load: its log shows the shell bound and no request
   * ever handled), and waiting 15-30 s for it was the notebook test's longest step in half of the
   * suite's runs. So the first attempt gives up soon and later ones wait longer, the last as long
   * as a kernel under heavy load could need.
   */
  static final List<Integer> STARTUP_TIMEOUTS_SECONDS = List.of(6, 12, 20, 30);

  private final Path home;
  private final Map<String, String> environment;

  Jupyter(Path home, Map<String, String> environment) {
    this.home = home;
    this.environment = Map.copyOf(environment);
  }

  /** Whether {@code jupyter nbconvert} can be run at all. */
  static boolean available() {
    try {
      Process process =
          new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Installs the kernel spec folder with {@code jupyter kernelspec install --user}. */
  void installKernel(Path spec, String name) {
    Result result =
        run(
            List.of("kernelspec", "install", "--user", "--name", name, spec.toString()),
            home.resolve("kernelspec-install.log"),
            60);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("jupyter kernelspec install failed:\n" + result.output());
    }
  }

  /**
   * Executes a notebook headless into {@code outputDirectory}; the log goes next to it. A kernel
   * that never answered within its attempt's startup timeout ({@link #STARTUP_TIMEOUTS_SECONDS}),
   * or that died before its first reply, is started again, up to four times in all:
   * rapaio-jupyter-kernel 3.0.1 sometimes ignores every request (a start-up race in its channels,
   * more frequent on a busy machine), and jupyter_client picks the kernel's ports before the kernel
   * binds them, so another process can take one in between and the kernel exits. Neither says
   * anything about the notebook, and no cell has run when either happens.
   */
  Result execute(Path notebook, Path outputDirectory, int cellTimeoutSeconds) {
    Result result = null;
    for (int startupTimeout : STARTUP_TIMEOUTS_SECONDS) {
      result = executeOnce(notebook, outputDirectory, cellTimeoutSeconds, startupTimeout);
      if (!result.kernelNeverStarted()) {
        break;
      }
    }
    return result;
  }

  private Result executeOnce(
      Path notebook, Path outputDirectory, int cellTimeoutSeconds, int startupTimeoutSeconds) {
    String name = notebook.getFileName().toString();
    return run(
        List.of(
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=" + cellTimeoutSeconds,
            "--ExecutePreprocessor.startup_timeout=" + startupTimeoutSeconds,
            "--output-dir",
            outputDirectory.toString(),
            notebook.toString()),
        outputDirectory.resolve(name + ".log"),
        600);
  }

  /** The exit code and the combined output of one jupyter command. */
  record Result(int exitCode, String output) {
    boolean kernelNeverStarted() {
      return exitCode != 0
          && (output.contains("Kernel didn't respond")
              || output.contains("Kernel died before replying to kernel_info"));
    }
  }

  private Result run(List<String> arguments, Path log, int timeoutSeconds) {
    List<String> command = new ArrayList<>();
    command.add("jupyter");
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      builder.environment().put("JUPYTER_DATA_DIR", home.resolve("data").toString());
      builder.environment().put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
      builder.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + read(log));
      }
      return new Result(process.exitValue(), read(log));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
