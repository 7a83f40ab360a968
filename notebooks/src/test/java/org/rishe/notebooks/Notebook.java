package org.rishe.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An {@code .ipynb} file read as JSON: its code cells, their tags and their outputs. */
record Notebook(Path file, List<Cell> cells) {
  static final String CHART_TAG = "chart";
  private static final ObjectMapper JSON = new ObjectMapper();

  Notebook {
    cells = List.copyOf(cells);
  }

  /** One code cell: its number among the code cells (from 1), source, tags and outputs. */
  record Cell(int number, String source, List<String> tags, List<JsonNode> outputs) {
    Cell {
      tags = List.copyOf(tags);
      outputs = List.copyOf(outputs);
    }

    boolean isChart() {
      return tags.contains(CHART_TAG);
    }

    boolean hasImage() {
      return outputs.stream().anyMatch(output -> output.path("data").has("image/png"));
    }

    /** The error outputs, as "name: value". */
    List<String> errors() {
      return outputs.stream()
          .filter(output -> output.path("output_type").asText().equals("error"))
          .map(output -> output.path("ename").asText() + ": " + output.path("evalue").asText())
          .toList();
    }
  }

  static Notebook read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the notebook " + file, e);
    }
    List<Cell> cells = new ArrayList<>();
    for (JsonNode cell : root.path("cells")) {
      if (!cell.path("cell_type").asText().equals("code")) {
        continue;
      }
      List<String> tags = new ArrayList<>();
      cell.path("metadata").path("tags").forEach(tag -> tags.add(tag.asText()));
      List<JsonNode> outputs = new ArrayList<>();
      cell.path("outputs").forEach(outputs::add);
      cells.add(new Cell(cells.size() + 1, text(cell.path("source")), tags, outputs));
    }
    return new Notebook(file, cells);
  }

  List<Cell> charts() {
    return cells.stream().filter(Cell::isChart).toList();
  }

  /** A notebook's source is a string or a list of lines. */
  private static String text(JsonNode source) {
    if (source.isArray()) {
      StringBuilder text = new StringBuilder();
      source.forEach(line -> text.append(line.asText()));
      return text.toString();
    }
    return source.asText();
  }
}
