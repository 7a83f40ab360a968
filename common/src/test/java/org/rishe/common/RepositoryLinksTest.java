package org.rishe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: a clone in any folder builds, tests and documents itself. No source,
 * script or document points outside the repository (a sibling folder, or an absolute path of one
 * machine), and every relative link in a Markdown document resolves to a file of the repository.
 */
class RepositoryLinksTest {
  private static final Set<String> SKIPPED_FOLDERS =
      Set.of(".git", "target", "node_modules", "warehouse", ".ipynb_checkpoints", "out");
  private static final Set<String> TEXT_SUFFIXES =
      Set.of(
          ".java",
          ".md",
          ".xml",
          ".sh",
          ".js",
          ".html",
          ".css",
          ".json",
          ".ipynb",
          ".properties",
          ".py",
          ".yml",
          ".yaml",
          ".txt",
          ".tsv",
          ".csv",
          ".config");
  // Written in pieces so that this file does not match itself.
  private static final List<String> OUTSIDE =
      List.of(".." + "/shared", "/" + "work/", "/" + "root/", "/" + "home/", "C:" + "\\");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private static Path root() {
    String configured = System.getProperty("rishe.root");
    Path root = configured == null ? Path.of("..") : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }

  @Test
  void noFilePointsOutsideTheRepository() {
    List<String> found = new ArrayList<>();
    for (Path file : textFiles()) {
      List<String> lines = lines(file);
      for (int index = 0; index < lines.size(); index++) {
        for (String outside : OUTSIDE) {
          if (lines.get(index).contains(outside)) {
            found.add(root().relativize(file) + ":" + (index + 1) + " contains " + outside);
          }
        }
      }
    }
    assertThat(found).as("paths outside the repository").isEmpty();
  }

  @Test
  void everyRelativeMarkdownLinkResolves() {
    List<String> broken = new ArrayList<>();
    for (Path file : textFiles()) {
      if (!file.toString().endsWith(".md")) {
        continue;
      }
      List<String> lines = lines(file);
      for (int index = 0; index < lines.size(); index++) {
        Matcher link = MARKDOWN_LINK.matcher(lines.get(index));
        while (link.find()) {
          String target = link.group(1);
          if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*") || target.startsWith("#")) {
            continue;
          }
          String path = target.replaceAll("#.*$", "");
          Path resolved = file.getParent().resolve(path).normalize();
          if (!resolved.startsWith(root()) || !Files.exists(resolved)) {
            broken.add(root().relativize(file) + ":" + (index + 1) + " links to " + target);
          }
        }
      }
    }
    assertThat(broken).as("Markdown links that do not resolve inside the repository").isEmpty();
  }

  @Test
  void theRepositoryHoldsItsContractArchitectureAndBenchmarkData() {
    for (String required :
        List.of(
            "docs/data-contract.md",
            "docs/architecture.md",
            "benchmarks/README.md",
            "benchmarks/lalonde/nsw_dw.csv",
            "benchmarks/social/rossi_recidivism.csv",
            "benchmarks/bn/alarm.bif")) {
      assertThat(root().resolve(required)).as(required).isRegularFile();
    }
  }

  private static List<Path> textFiles() {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root())) {
      walk.filter(Files::isRegularFile)
          .filter(file -> !inSkippedFolder(file))
          .filter(RepositoryLinksTest::isText)
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("files found under %s", root()).isNotEmpty();
    return files;
  }

  private static boolean inSkippedFolder(Path file) {
    for (Path part : root().relativize(file)) {
      if (SKIPPED_FOLDERS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    if (file.getParent().getFileName().toString().equals("bin") && !name.contains(".")) {
      return true;
    }
    return TEXT_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
