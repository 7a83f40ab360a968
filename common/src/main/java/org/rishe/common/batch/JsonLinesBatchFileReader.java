package org.rishe.common.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rishe.common.contract.Reason;
import org.rishe.common.contract.RowResult;

/**
 * Reads a JSON Lines batch file: one JSON object per line, scalar values only (but a region's
 * geometry).
 */
final class JsonLinesBatchFileReader implements BatchFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String fileName;
  private final BufferedReader reader;
  private final Set<String> columns = new LinkedHashSet<>();
  private final Set<String> dropped = new LinkedHashSet<>();
  private final Predicate<String> drops;
  private final Predicate<String> structured;
  private long line;

  /**
   * A reader of a part of a file that starts at a line's start, line {@code firstLine} of the file
   * (a byte-order mark is ignored only on line 1, as when the whole file is read). A column that
   * {@code structured} accepts may hold an object or array, read as its JSON text.
   */
  JsonLinesBatchFileReader(
      String fileName,
      Reader reader,
      long firstLine,
      Predicate<String> drops,
      Predicate<String> structured) {
    this.fileName = fileName;
    this.drops = drops;
    this.structured = structured;
    this.reader = new BufferedReader(reader, 1 << 16);
    this.line = firstLine - 1;
  }

  @Override
  public List<String> columns() {
    return new ArrayList<>(columns);
  }

  @Override
  public Set<String> droppedPersonalColumns() {
    return Set.copyOf(dropped);
  }

  @Override
  public Optional<SourceRow> next() {
    String text;
    do {
      text = readLine();
      if (text == null) {
        return Optional.empty();
      }
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
    } while (text.isBlank());
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.of(unreadable("line is not valid JSON"));
    }
    if (node == null || !node.isObject()) {
      return Optional.of(unreadable("line is not a JSON object"));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey().trim();
      columns.add(name);
      if (drops.test(name)) {
        dropped.add(name);
        continue;
      }
      JsonNode value = field.getValue();
      if (value.isContainerNode() && structured.test(name)) {
        values.put(name, value.toString());
        continue;
      }
      if (value.isContainerNode()) {
        return Optional.of(
            unreadable("field '" + name + "' holds an object or array; values must be scalars"));
      }
      values.put(name, value.isNull() ? null : value.asText());
    }
    return Optional.of(new SourceRow(line, values, null));
  }

  private SourceRow unreadable(String message) {
    return new SourceRow(
        line, Map.of(), new RowResult.Rejected(Reason.MALFORMED_RECORD, null, message));
  }

  private String readLine() {
    try {
      return reader.readLine();
    } catch (CharacterCodingException e) {
      throw new BatchFileException(
          fileName + ": the file is not UTF-8 text; save it as UTF-8 and ingest it again", e);
    } catch (IOException e) {
      throw new BatchFileException(fileName + ": cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new BatchFileException(fileName + ": cannot be closed: " + e.getMessage(), e);
    }
  }
}
