package org.rishe.common.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.rishe.common.warehouse.IngestFileStatus;

/**
 * A pseudonym key's fingerprint: the pseudonym of a fixed text, which reveals nothing of the key.
 * Every ingest report records the fingerprint of the key its rows were pseudonymised with ({@code
 * keyCheck}). Another key turns every identifier into another pseudonym: an ingest under it would
 * store each family and person a second time beside the first, and a donor's or volunteer's API key
 * made under it would name nobody. So an ingest, and {@code rishe keys}, first compare the key they
 * were given with the fingerprint of the warehouse's stored rows ({@link #requireMatches}).
 */
public final class KeyCheck {
  private static final String TEXT = "\u0000rishe key check";

  private static final String HOW =
      "pass the key the earlier ingests used: --pseudonym-key FILE, $"
          + PseudonymKeys.FILE_ENVIRONMENT_VARIABLE
          + " or $"
          + PseudonymKeys.ENVIRONMENT_VARIABLE;

  private KeyCheck() {}

  /** The fingerprint of the key {@code pseudonymizer} holds. */
  public static String of(Pseudonymizer pseudonymizer) {
    return pseudonymizer.pseudonym(TEXT);
  }

  /**
   * The fingerprint the warehouse's stored rows were written under, and the ingest that recorded
   * it: that of the newest of {@code reports} (ingest reports as JSON, newest first) with a file
   * whose rows reached the tables. Empty for a warehouse without stored rows, or whose reports
   * predate fingerprints; a report that does not parse is passed over.
   */
  public static Optional<Recorded> stored(Stream<String> reports) {
    ObjectMapper json = new ObjectMapper();
    return reports
        .map(
            text -> {
              try {
                return json.readTree(text);
              } catch (IOException e) {
                return null;
              }
            })
        .filter(report -> report != null && report.path("keyCheck").isTextual())
        .filter(KeyCheck::hasStoredRows)
        .findFirst()
        .map(
            report ->
                new Recorded(report.get("keyCheck").asText(), report.path("ingestId").asText()));
  }

  /**
   * {@link #stored} of the ingest reports of a warehouse on the local disk ({@code
   * <warehouse>/reports/ingest-*.json}; their names sort by time).
   */
  public static Optional<Recorded> storedIn(Path warehouse) {
    Path reports = warehouse.resolve("reports");
    if (!Files.isDirectory(reports)) {
      return Optional.empty();
    }
    List<Path> newestFirst;
    try (Stream<Path> files = Files.list(reports)) {
      newestFirst =
          files
              .filter(
                  file -> {
                    String name = file.getFileName().toString();
                    return name.startsWith("ingest-") && name.endsWith(".json");
                  })
              .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed())
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the ingest reports in " + reports, e);
    }
    return stored(
        newestFirst.stream()
            .map(
                file -> {
                  try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    return "";
                  }
                }));
  }

  /**
   * Throws when the warehouse has stored rows under another key than {@code pseudonymizer}'s.
   *
   * @param source where the key came from, for the message: "from FILE", "this ingest was given"
   * @param consequence what using it would do, e.g. "each family and person would be stored twice"
   */
  public static void requireMatches(
      Optional<Recorded> stored, Pseudonymizer pseudonymizer, String source, String consequence) {
    if (stored.isPresent() && !stored.get().keyCheck().equals(of(pseudonymizer))) {
      throw new IllegalArgumentException(
          "the pseudonym key "
              + source
              + " is not the one the warehouse's rows were pseudonymised with (ingest "
              + stored.get().ingestId()
              + " recorded another key's fingerprint): "
              + consequence
              + "; "
              + HOW);
    }
  }

  /** What to say when the warehouse has stored rows but the key file to read is missing. */
  static String missingKey(Path file) {
    return "no pseudonym key at "
        + file
        + ", though the warehouse's rows were pseudonymised with one (a new key would give every"
        + " identifier another pseudonym); "
        + HOW;
  }

  private static boolean hasStoredRows(JsonNode report) {
    for (JsonNode file : report.path("files")) {
      if (IngestFileStatus.reachedTables(file.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  /** A recorded fingerprint and the ingest that recorded it. */
  public record Recorded(String keyCheck, String ingestId) {}
}
