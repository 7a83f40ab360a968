package org.rishe.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rishe.api.auth.Role;

/**
 * Executes every notebook of this folder headless ({@code jupyter nbconvert --execute}) with the
 * project's Java kernel against the API serving a generated run, and checks that no cell failed and
 * that every cell tagged {@code chart} drew a PNG. Adding a notebook adds a test; nothing else.
 *
 * <p>Skipped when Jupyter is not installed, unless {@code -Drishe.requireNotebooks=true} (which
 * {@code bin/test} passes) makes it fail.
 */
class NotebooksTest {
  static final Path FOLDER = Path.of("").toAbsolutePath();
  static final Path KERNEL_SPEC = FOLDER.resolve("target/kernelspec/rishe-java");
  static final int CELL_TIMEOUT_SECONDS = 120;

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsAndDrawsItsCharts() throws IOException {
    List<Path> notebooks = notebooks();
    assertThat(notebooks).as("notebooks in " + FOLDER).isNotEmpty();
    requireJupyter();
    assertThat(KERNEL_SPEC.resolve("rapaio-jupyter-kernel.jar"))
        .as("the kernel is copied by the build (mvn package or test)")
        .exists();
    ServedRun served = ServedRun.get();
    Path home = ServedRun.WORK.resolve("jupyter");
    Jupyter jupyter =
        new Jupyter(
            home,
            Map.of(
                "RISHE_URL", served.url(),
                "RISHE_API_KEY", served.key(Role.PLANNER),
                "RISHE_RESEARCHER_KEY", served.key(Role.RESEARCHER)));
    jupyter.installKernel(KERNEL_SPEC, "rishe-java");
    Path executed = ServedRun.WORK.resolve("executed");
    return notebooks.stream()
        .map(
            notebook ->
                DynamicTest.dynamicTest(
                    notebook.getFileName().toString(),
                    () -> checkExecution(jupyter, notebook, executed)));
  }

  @Test
  void committedNotebooksShowTheirChartsAndNothingOfTheMachine() throws IOException {
    for (Path file : notebooks()) {
      Notebook notebook = Notebook.read(file);
      String text = Files.readString(file, StandardCharsets.UTF_8);

      assertThat(notebook.charts()).as(file + " has charts").isNotEmpty();
      assertThat(notebook.charts())
          .as(file + ": committed with its outputs (bin/rishe notebooks --execute)")
          .allSatisfy(cell -> assertThat(cell.hasImage()).isTrue());
      assertThat(notebook.cells()).allSatisfy(cell -> assertThat(cell.errors()).isEmpty());
      assertThat(text)
          .as(file + " holds no key and no path of this machine")
          .doesNotContain(FOLDER.getParent().toString())
          .doesNotContain(System.getProperty("user.home") + "/")
          .doesNotContainPattern("rk_[A-Za-z0-9]+_[A-Za-z0-9]+");
    }
  }

  private static void checkExecution(Jupyter jupyter, Path notebook, Path executed) {
    Jupyter.Result result = jupyter.execute(notebook, executed, CELL_TIMEOUT_SECONDS);
    assertThat(result.exitCode())
        .as("nbconvert --execute of %s failed:%n%s", notebook, tail(result.output()))
        .isZero();
    Notebook ran = Notebook.read(executed.resolve(notebook.getFileName()));
    assertThat(ran.cells()).isNotEmpty();
    for (Notebook.Cell cell : ran.cells()) {
      assertThat(cell.errors()).as("code cell %d of %s", cell.number(), notebook).isEmpty();
    }
    assertThat(ran.charts()).as("cells tagged chart in " + notebook).isNotEmpty();
    for (Notebook.Cell cell : ran.charts()) {
      assertThat(cell.hasImage())
          .as("code cell %d of %s is tagged chart but drew no PNG", cell.number(), notebook)
          .isTrue();
    }
  }

  private static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(file -> file.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static void requireJupyter() {
    boolean present = Jupyter.available();
    String missing =
        "the notebook test needs Debian's jupyter-nbconvert, python3-nbclient and jupyter-client;"
            + " install them with `apt-get install -y jupyter-nbconvert python3-nbclient"
            + " jupyter-client` (bin/test does)";
    if (Boolean.getBoolean("rishe.requireNotebooks")) {
      assertThat(present).as(missing).isTrue();
    }
    Assumptions.assumeTrue(present, missing);
  }

  /** The first and last lines of a jupyter log: the kernel's own error comes first. */
  private static String tail(String output) {
    List<String> lines = List.of(output.split("\n"));
    if (lines.size() <= 60) {
      return output;
    }
    return String.join("\n", lines.subList(0, 20))
        + "\n[...]\n"
        + String.join("\n", lines.subList(lines.size() - 40, lines.size()));
  }
}
