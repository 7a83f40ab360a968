import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes a follow-up batch that changes one row in every {@code N} (default 100: 1% of the keys) of
 * the four largest entity files of a batch: families, people, cases and observations. Each chosen
 * row is sent again with one column changed to another valid value (a family's household size, a
 * person's consent, a case's severity with a later {@code updated_at}, an observation's value), so
 * ingesting it replaces exactly those rows. Usage: {@code java FollowUpBatch.java BATCH OUT [N]}.
 */
public final class FollowUpBatch {
  private static final Map<String, List<Change>> CHANGES =
      Map.of(
          "families.csv", List.of(new Change("household_size", FollowUpBatch::plusOne)),
          "people.csv", List.of(new Change("consent_analytics", FollowUpBatch::flip)),
          "cases.csv",
              List.of(
                  new Change("severity", FollowUpBatch::nextSeverity),
                  new Change("updated_at", value -> "2030-01-01T00:00:00+03:30")),
          "observations.csv", List.of(new Change("value", FollowUpBatch::otherValue)));

  private record Change(String column, UnaryOperator<String> to) {}

  public static void main(String[] args) throws IOException {
    Path batch = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int every = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Files.createDirectories(out);
    for (Map.Entry<String, List<Change>> file : CHANGES.entrySet()) {
      Path source = batch.resolve(file.getKey());
      if (!Files.exists(source)) {
        continue;
      }
      long changed = 0;
      try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
          BufferedWriter writer =
              Files.newBufferedWriter(out.resolve(file.getKey()), StandardCharsets.UTF_8)) {
        String header = reader.readLine();
        List<String> columns = split(header);
        writer.write(header);
        writer.newLine();
        long row = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (row++ % every != 0) {
            continue;
          }
          List<String> values = split(line);
          for (Change change : file.getValue()) {
            int column = columns.indexOf(change.column());
            values.set(column, change.to().apply(values.get(column)));
          }
          writer.write(String.join(",", values.stream().map(FollowUpBatch::quoted).toList()));
          writer.newLine();
          changed++;
        }
      }
      System.out.printf("%s: %d rows changed%n", file.getKey(), changed);
    }
  }

  private static String plusOne(String value) {
    return value.isEmpty() ? "1" : Long.toString(Long.parseLong(value) + 1);
  }

  private static String flip(String value) {
    return "true".equals(value) ? "false" : "true";
  }

  private static String nextSeverity(String value) {
    return switch (value) {
      case "low" -> "medium";
      case "medium" -> "high";
      case "high" -> "critical";
      default -> "low";
    };
  }

  private static String otherValue(String value) {
    if (value.equals("true") || value.equals("false")) {
      return flip(value);
    }
    try {
      return Long.toString(Long.parseLong(value) + 1);
    } catch (NumberFormatException notWhole) {
      try {
        return Double.toString(Double.parseDouble(value) + 1);
      } catch (NumberFormatException missingAnswer) {
        // a missing-answer code (unknown, refused, not_collected): another one
        return "unknown".equals(value) ? "refused" : "unknown";
      }
    }
  }

  /** One CSV record on one line (the generator writes no line breaks in values). */
  private static List<String> split(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int at = 0; at < line.length(); at++) {
      char c = line.charAt(at);
      if (quoted) {
        if (c == '"' && at + 1 < line.length() && line.charAt(at + 1) == '"') {
          value.append('"');
          at++;
        } else if (c == '"') {
          quoted = false;
        } else {
          value.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString());
    return values;
  }

  private static String quoted(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
