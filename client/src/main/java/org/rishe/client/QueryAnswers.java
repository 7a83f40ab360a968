package org.rishe.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a {@code POST /query} answer, whose cells carry their dimensions as fields of their own
 * (e.g. {@code {"region": "R01", "sex": "F", "value": 42, "suppressed": false}}).
 */
final class QueryAnswers {
  private QueryAnswers() {}

  static QueryResult read(JsonNode answer) {
    List<String> dimensions = new ArrayList<>();
    answer.path("dimensions").forEach(dimension -> dimensions.add(dimension.asText()));
    return new QueryResult(
        answer.path("runId").asText(null),
        answer.path("measure").asText(null),
        dimensions,
        answer.path("minCell").asInt(),
        rows(answer.path("rows")),
        rows(answer.path("totals")),
        answer.path("suppressedCells").asLong());
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
