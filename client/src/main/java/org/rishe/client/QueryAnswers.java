package org.rishe.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a {@code POST /query} answer, whose cells carry their dimensions as fields of their own
 * (e.g. {@code {"region": "R01", "sex": "F", "value": 42, "suppressed": false}}) and whose margins
 * are {@code [{"dimensions": [...], "rows": [...]}]}.
 */
final class QueryAnswers {
  private QueryAnswers() {}

  /** The answer of the first page, with the rows of every page ({@code pages}, in order). */
  static QueryResult read(JsonNode first, List<JsonNode> pages) {
    List<QueryResult.Row> rows = new ArrayList<>();
    for (JsonNode page : pages) {
      rows.addAll(rows(page.path("rows")));
    }
    List<QueryResult.Margin> totals = new ArrayList<>();
    for (JsonNode margin : first.path("totals")) {
      totals.add(
          new QueryResult.Margin(texts(margin.path("dimensions")), rows(margin.path("rows"))));
    }
    return new QueryResult(
        first.path("runId").asText(null),
        first.path("measure").asText(null),
        texts(first.path("dimensions")),
        first.path("minCell").asInt(),
        rows,
        totals,
        first.path("suppressedCells").asLong());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(text -> texts.add(text.asText()));
    return texts;
  }

  private static List<QueryResult.Row> rows(JsonNode cells) {
    List<QueryResult.Row> rows = new ArrayList<>();
    for (JsonNode cell : cells) {
      Map<String, String> values = new LinkedHashMap<>();
      cell.fields()
          .forEachRemaining(
              field -> {
                if (!field.getKey().equals("value") && !field.getKey().equals("suppressed")) {
                  values.put(
                      field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
                }
              });
      values.values().removeIf(Objects::isNull);
      JsonNode value = cell.get("value");
      rows.add(
          new QueryResult.Row(
              values,
              value == null || value.isNull() ? null : value.asLong(),
              cell.path("suppressed").asBoolean(false)));
    }
    return rows;
  }
}
