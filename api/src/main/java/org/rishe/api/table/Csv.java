package org.rishe.api.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV of a list of records: a header of the record's component names, one line per row,
 * CRLF line ends. Numbers, booleans and text are written as they are; a nested record (an estimate
 * with its interval, say) spreads over one column per component, named {@code outer.inner}, so a
 * spreadsheet can sort and chart it; lists and maps go as JSON in one cell, so no information is
 * lost. The header depends on the type only, never on the rows.
 */
public final class Csv {
  public static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Csv() {}

  public static <T extends Record> String write(Class<T> type, List<T> rows) {
    List<Column> columns = new ArrayList<>();
    columns(type, "", List.of(), columns);
    List<String> header = columns.stream().map(Column::name).toList();
    List<List<Object>> lines = new ArrayList<>();
    for (T row : rows) {
      List<Object> line = new ArrayList<>();
      for (Column column : columns) {
        line.add(column.read(row));
      }
      lines.add(line);
    }
    return write(header, lines);
  }

  /** CSV of rows given as maps: one column per header name, in that order. */
  public static String writeMaps(List<String> header, List<Map<String, Object>> rows) {
    List<List<Object>> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<Object> line = new ArrayList<>();
      header.forEach(name -> line.add(row.get(name)));
      lines.add(line);
    }
    return write(header, lines);
  }

  private static String write(List<String> header, List<List<Object>> rows) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < header.size(); i++) {
      text.append(i == 0 ? "" : ",").append(quote(header.get(i)));
    }
    text.append("\r\n");
    for (List<Object> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        text.append(i == 0 ? "" : ",").append(cell(row.get(i)));
      }
      text.append("\r\n");
    }
    return text.toString();
  }

  /** A column: its header and the accessors that lead from a row to its value. */
  private record Column(String name, List<RecordComponent> path) {
    Object read(Object row) {
      Object value = row;
      for (RecordComponent component : path) {
        if (value == null) {
          return null;
        }
        value = Csv.read(component, value);
      }
      return value;
    }
  }

  private static void columns(
      Class<?> type, String prefix, List<RecordComponent> path, List<Column> columns) {
    for (RecordComponent component : type.getRecordComponents()) {
      List<RecordComponent> longer = new ArrayList<>(path);
      longer.add(component);
      String name = prefix + component.getName();
      if (component.getType().isRecord()) {
        columns(component.getType(), name + ".", longer, columns);
      } else {
        columns.add(new Column(name, List.copyOf(longer)));
      }
    }
  }

  private static Object read(RecordComponent component, Object row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + component.getName() + " of " + row.getClass().getSimpleName(), e);
    }
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof CharSequence || value instanceof Enum<?>) {
      return quote(value.toString());
    }
    try {
      return quote(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Quotes where RFC 4180 requires; text a spreadsheet would run as a formula gets a leading
   * apostrophe, because these files are opened in spreadsheets by people who did not write them.
   */
  static String quote(String text) {
    String safe = text;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    boolean needsQuotes =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
