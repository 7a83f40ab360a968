package org.rishe.analytics.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rishe.common.results.ProgramImpactGap;

/**
 * {@code run.json}: what a results run was computed from (the curated table versions), with which
 * parameters, how many rows each of its tables holds, and which programme × outcomes have no impact
 * estimate and why ({@code programImpactGaps}: {@code programId}, {@code outcome} (absent when the
 * reason holds for the whole programme), {@code reason}, {@code text}; the same rows as the {@code
 * program_impact_gaps} table, so that reading the manifest alone shows what was left out). The
 * {@code text} is the English sentence with every count, as the table's {@code reason_text}: the
 * manifest is read by the analysts who run the analysis, and the API words the sentence again for
 * its reader, in English or Persian ({@code ?lang=fa}) and with small counts withheld.
 */
public record RunManifest(
    String runId,
    String publishedAt,
    Map<String, Long> inputs,
    Map<String, Object> parameters,
    Map<String, Long> tables,
    Map<String, String> methods,
    List<Map<String, String>> programImpactGaps) {
  public RunManifest {
    requireNonNull(runId, "runId is null");
    requireNonNull(publishedAt, "publishedAt is null");
    inputs = Map.copyOf(inputs);
    parameters = Map.copyOf(parameters);
    tables = Map.copyOf(tables);
    methods = Map.copyOf(methods);
    programImpactGaps = programImpactGaps.stream().map(Map::copyOf).toList();
  }

  /** A manifest without programme impact gaps. */
  public RunManifest(
      String runId,
      String publishedAt,
      Map<String, Long> inputs,
      Map<String, Object> parameters,
      Map<String, Long> tables,
      Map<String, String> methods) {
    this(runId, publishedAt, inputs, parameters, tables, methods, List.of());
  }

  /** The manifest's entry for a gap, its sentence in English. */
  public static Map<String, String> gapEntry(ProgramImpactGap gap) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("programId", gap.programId());
    if (gap.outcome() != null) {
      entry.put("outcome", gap.outcome());
    }
    entry.put("reason", gap.reason());
    entry.put("text", gap.describe(ProgramImpactGap.Wording.english(0)));
    return entry;
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
