package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spark-submit} commands of the root README's "Running on a cluster" section, as a user
 * copies them, so that {@link ClusterModeIT} runs the README's text and not a copy of it that could
 * drift. The rule that turns them into an argument list is the one the README gives the user:
 * replace the placeholders {@code MASTER_URL}, {@code BATCH_DIR} and {@code WAREHOUSE_URI} (whole
 * words) and nothing else, and resolve the jar's relative path against the checkout's root, where
 * the README says to run them.
 */
final class ReadmeSubmitCommands {
  static final String SECTION = "## Running on a cluster";
  static final String MASTER_URL = "MASTER_URL";
  static final String BATCH_DIR = "BATCH_DIR";
  static final String WAREHOUSE_URI = "WAREHOUSE_URI";

  private final Path root;
  private final Map<String, List<String>> commands;

  private ReadmeSubmitCommands(Path root, Map<String, List<String>> commands) {
    this.root = root;
    this.commands = commands;
  }

  /** Reads README.md of the checkout's root ({@code rishe.root}, else the module's parent). */
  static ReadmeSubmitCommands read() {
    String configured = System.getProperty("rishe.root");
    Path root = Path.of(configured == null ? ".." : configured).toAbsolutePath().normalize();
    Path readme = root.resolve("README.md");
    try {
      return new ReadmeSubmitCommands(
          root, parse(Files.readString(readme, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + readme, e);
    }
  }

  /**
   * The {@code spark-submit} lines of the first {@code bash} block after {@link #SECTION},
   * continuation lines joined, split on blanks (the README's commands quote nothing), keyed by the
   * Rishe command that follows the jar.
   */
  static Map<String, List<String>> parse(String readme) {
    int section = readme.indexOf("\n" + SECTION + "\n");
    assertThat(section).as("the README's section %s", SECTION).isNotNegative();
    int open = readme.indexOf("```bash\n", section);
    assertThat(open).as("a bash block in %s", SECTION).isNotNegative();
    int close = readme.indexOf("\n```", open + 1);
    String block = readme.substring(open + "```bash\n".length(), close).replace("\\\n", " ");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    for (String line : block.split("\n")) {
      List<String> words = Arrays.asList(line.trim().split("\\s+"));
      if (!words.get(0).equals("spark-submit")) {
        continue;
      }
      List<String> arguments = words.subList(1, words.size());
      int jar =
          arguments.stream()
              .filter(word -> word.endsWith(".jar"))
              .findFirst()
              .map(arguments::indexOf)
              .orElseThrow(() -> new AssertionError("no application jar in: " + line));
      commands.put(arguments.get(jar + 1), List.copyOf(arguments));
    }
    return commands;
  }

  /**
   * The arguments of {@code spark-submit} for {@code command} ({@code ingest} or {@code analyze}),
   * each placeholder replaced by its value; every placeholder given must be in the command.
   */
  List<String> arguments(String command, Map<String, String> placeholders) {
    List<String> written = commands.get(command);
    assertThat(written).as("the README's spark-submit command for %s", command).isNotNull();
    for (String placeholder : placeholders.keySet()) {
      assertThat(written).as("the README's %s command", command).contains(placeholder);
    }
    List<String> arguments = new ArrayList<>();
    for (String word : written) {
      String value = placeholders.getOrDefault(word, word);
      arguments.add(value.endsWith(".jar") ? root.resolve(value).normalize().toString() : value);
    }
    return arguments;
  }

  /** The value of {@code option} (e.g. {@code --executor-memory}) in the README's command. */
  String option(String command, String option) {
    List<String> written = commands.get(command);
    int index = written.indexOf(option);
    assertThat(index).as("%s in the README's %s command", option, command).isNotNegative();
    return written.get(index + 1);
  }
}
