package org.rishe.analytics.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * {@code run.json}: what a results run was computed from (the curated table versions), with which
 * parameters, and how many rows each of its tables holds.
 */
public record RunManifest(
    String runId,
    String publishedAt,
    Map<String, Long> inputs,
    Map<String, Object> parameters,
    Map<String, Long> tables,
    Map<String, String> methods) {
  public RunManifest {
    requireNonNull(runId, "runId is null");
    requireNonNull(publishedAt, "publishedAt is null");
    inputs = Map.copyOf(inputs);
    parameters = Map.copyOf(parameters);
    tables = Map.copyOf(tables);
    methods = Map.copyOf(methods);
  }

  public String toJson() {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the run manifest", e);
    }
  }
}
