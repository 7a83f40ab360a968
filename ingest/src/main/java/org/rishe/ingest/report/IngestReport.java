package org.rishe.ingest.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one ingest did, per file; written to {@code reports/ingest-<id>.json}. */
public record IngestReport(
    String ingestId,
    String batch,
    String calendar,
    String encoding,
    String keyCheck,
    String startedAt,
    String finishedAt,
    String status,
    List<FileReport> files,
    Map<String, Long> tableVersions) {
  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";

  public IngestReport {
    requireNonNull(ingestId, "ingestId is null");
    files = files == null ? List.of() : List.copyOf(files);
    tableVersions = tableVersions == null ? Map.of() : Map.copyOf(tableVersions);
  }

  /** A report as {@link #toJson} wrote it; fields a report of an earlier version lacks are null. */
  public static IngestReport fromJson(String json) {
    try {
      return new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              false)
          .readValue(json, IngestReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an ingest report: " + e.getOriginalMessage(), e);
    }
  }

  public static String statusOf(List<FileReport> files) {
    return files.stream().anyMatch(f -> f.status().equals(FileReport.FAILED)) ? PARTIAL : COMPLETE;
  }

  public static String now() {
    return Instant.now().toString();
  }

  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the ingest report as JSON", e);
    }
  }

  /** A table a person can read in a terminal. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-22s %-8s %10s %10s %11s  %s%n",
            "file",
            "status",
            "read",
            "accepted",
            "quarantined",
            "notes"));
    for (FileReport file : files) {
      StringBuilder notes = new StringBuilder();
      if (file.error() != null) {
        notes.append(file.error());
      }
      file.quarantinedByReason().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  notes
                      .append(notes.length() > 0 ? "; " : "")
                      .append(e.getKey())
                      .append('=')
                      .append(e.getValue()));
      if (!file.droppedPersonalColumns().isEmpty()) {
        notes
            .append(notes.length() > 0 ? "; " : "")
            .append("dropped personal columns ")
            .append(file.droppedPersonalColumns());
      }
      if (!file.ignoredColumns().isEmpty()) {
        notes
            .append(notes.length() > 0 ? "; " : "")
            .append("ignored unknown columns ")
            .append(file.ignoredColumns());
      }
      text.append(
          String.format(
              Locale.ROOT,
              "%-22s %-8s %,10d %,10d %,11d  %s%n",
              file.file(),
              file.status(),
              file.read(),
              file.accepted(),
              file.quarantined(),
              notes));
    }
    if (files.isEmpty()) {
      // a folder with nothing in it is most often the wrong folder: say so rather than a bare table
      text.append("(no files in ").append(batch).append(": nothing was ingested)\n");
    }
    text.append("ingest ").append(ingestId).append(": ").append(status);
    return text.toString();
  }
}
