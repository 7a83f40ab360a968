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
    String startedAt,
    String finishedAt,
    String status,
    List<FileReport> files,
    Map<String, Long> tableVersions) {
  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";

  public IngestReport {
    requireNonNull(ingestId, "ingestId is null");
    files = List.copyOf(files);
    tableVersions = Map.copyOf(tableVersions);
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
    text.append("ingest ").append(ingestId).append(": ").append(status);
    return text.toString();
  }
}
