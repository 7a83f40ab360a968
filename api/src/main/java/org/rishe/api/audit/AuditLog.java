package org.rishe.api.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only audit of reads of data derived from people: one JSON object per line, naming the
 * key id (never the key), its role, the route pattern, the parameters, the status and the time.
 * Appends are serialised so that concurrent requests never interleave within a line.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_VALUE_LENGTH = 256;
  private static final int MAX_REQUEST_LENGTH = 2048;

  private final Path file;
  private FileChannel channel; // guarded by this

  public AuditLog(Path file) {
    this.file = requireNonNull(file, "file is null");
  }

  public Path file() {
    return file;
  }

  /**
   * One audited request; {@code request} is the JSON body of a POST route as the server read it
   * (absent for other routes and for a body that could not be read).
   */
  public record Entry(
      String time,
      String keyId,
      String role,
      String method,
      String route,
      Map<String, String> pathParameters,
      Map<String, List<String>> queryParameters,
      int status,
      @JsonInclude(JsonInclude.Include.NON_NULL) String request) {}

  /**
   * Appends one line, or throws (and the request fails) when it cannot. The file stays open between
   * appends; if it was moved or deleted (rotated away), the next append opens a new one at the
   * path.
   */
  public synchronized void append(Entry entry) {
    byte[] line;
    try {
      line = (JSON.writeValueAsString(truncated(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode an audit entry", e);
    }
    try {
      if (channel == null || !Files.isRegularFile(file)) {
        reopen();
      }
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      closeQuietly();
      throw new UncheckedIOException("cannot append to the audit log " + file, e);
    }
  }

  private void reopen() throws IOException {
    closeQuietly();
    Files.createDirectories(file.getParent());
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  private void closeQuietly() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // the channel is dropped either way; the next append opens a new one
      }
      channel = null;
    }
  }

  /** Caps each value so that a hostile parameter cannot bloat the log. */
  private static Entry truncated(Entry entry) {
    Map<String, String> path = new LinkedHashMap<>();
    entry.pathParameters().forEach((name, value) -> path.put(cap(name), cap(value)));
    Map<String, List<String>> query = new LinkedHashMap<>();
    entry
        .queryParameters()
        .forEach(
            (name, values) ->
                query.put(cap(name), values.stream().limit(20).map(AuditLog::cap).toList()));
    return new Entry(
        entry.time(),
        entry.keyId(),
        entry.role(),
        entry.method(),
        entry.route(),
        path,
        query,
        entry.status(),
        entry.request() == null || entry.request().length() <= MAX_REQUEST_LENGTH
            ? entry.request()
            : entry.request().substring(0, MAX_REQUEST_LENGTH) + "…");
  }

  private static String cap(String value) {
    return value == null || value.length() <= MAX_VALUE_LENGTH
        ? value
        : value.substring(0, MAX_VALUE_LENGTH) + "…";
  }
}
