package org.rishe.api.journal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A crash-safe, append-only log of records in one local file: one JSON object a line (JSON Lines,
 * UTF-8), each append written and synced to disk ({@link FileChannel#force}) before {@link
 * #appendIfAbsent} returns, so that a record a caller was told about survives a crash or power
 * loss. Records are never changed or removed.
 *
 * <p>Each record has keys ({@code keys} at open, e.g. an idempotency key, or the pair a record may
 * be made for only once); an append whose record shares a key with a stored record stores nothing
 * and returns the stored one. Appends and their check are serialised per log (one lock), so
 * concurrent callers never interleave within a line nor store a key twice. One log writes a file at
 * a time (it holds a file lock from its first append until it is closed; another writer's append
 * fails); anyone may {@link #read} it.
 *
 * <p>A crash while a line is written leaves a torn last line: one without its line end, or one that
 * does not read as a record (a file system may have kept only part of it, or zeros). That record
 * was never acknowledged, so opening the log truncates it away (reported through {@code warnings})
 * and the next append starts on a clean line; {@link #read} skips it. A line that does not read
 * anywhere else is not a crash's doing, and the log refuses to open rather than guess.
 */
public final class AppendOnlyLog<R> implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final Class<R> type;
  private final Function<R, List<String>> keys;
  private final List<R> records = new ArrayList<>(); // guarded by this
  private final Map<String, R> byKey = new HashMap<>(); // guarded by this
  private long size; // guarded by this: the length of the file's complete lines
  private FileChannel channel; // guarded by this; opened by the first append
  private boolean damaged; // guarded by this: an append failed and could not be undone

  /** What {@link #appendIfAbsent} did: stored {@code record}, or found it stored before. */
  public record Appended<R>(R record, boolean created) {}

  /** The records a file holds and the length of its complete, readable lines. */
  private record Contents<R>(List<R> records, long validLength, long length) {}

  private AppendOnlyLog(Path file, Class<R> type, Function<R, List<String>> keys) {
    this.file = requireNonNull(file, "file is null");
    this.type = requireNonNull(type, "type is null");
    this.keys = requireNonNull(keys, "keys is null");
  }

  /**
   * Opens the log at {@code file} (made by the first append when absent), reads every record and
   * truncates a torn last line away, saying so to {@code warnings}. Throws when a line before the
   * last does not read.
   */
  public static <R> AppendOnlyLog<R> open(
      Path file, Class<R> type, Function<R, List<String>> keys, Consumer<String> warnings) {
    AppendOnlyLog<R> log = new AppendOnlyLog<>(file, type, keys);
    Contents<R> contents = contents(file, type);
    if (contents.validLength() < contents.length()) {
      try (FileChannel repair = FileChannel.open(file, StandardOpenOption.WRITE)) {
        repair.truncate(contents.validLength());
        repair.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot truncate the torn last record of " + file, e);
      }
      warnings.accept(
          "dropped the torn last record of "
              + file
              + " ("
              + (contents.length() - contents.validLength())
              + " bytes, left by a crash while it was written; it had not been acknowledged)");
    }
    log.size = contents.validLength();
    contents.records().forEach(log::index);
    return log;
  }

  /**
   * The records of {@code file} without opening it for writing: a torn last line, or one a writer
   * is in the middle of, is skipped and the file left as it is. None when the file is absent.
   */
  public static <R> List<R> read(Path file, Class<R> type) {
    return contents(file, type).records();
  }

  private static <R> Contents<R> contents(Path file, Class<R> type) {
    if (!Files.exists(file)) {
      return new Contents<>(List.of(), 0, 0);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<R> records = new ArrayList<>();
    int start = 0;
    int line = 1;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      boolean last = end >= bytes.length - 1;
      Optional<R> record =
          end < bytes.length ? parse(bytes, start, end, type) : Optional.<R>empty();
      if (record.isEmpty()) {
        if (!last) {
          throw new IllegalStateException(
              "line "
                  + line
                  + " of "
                  + file
                  + " is not a record and is not the last line, so it was not left by a crash;"
                  + " restore the file from a backup or move the damaged line out of it");
        }
        return new Contents<>(records, start, bytes.length);
      }
      records.add(record.get());
      start = end + 1;
      line++;
    }
    return new Contents<>(records, bytes.length, bytes.length);
  }

  private static <R> Optional<R> parse(byte[] bytes, int start, int end, Class<R> type) {
    try {
      return Optional.ofNullable(
          JSON.readValue(new String(bytes, start, end - start, StandardCharsets.UTF_8), type));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public Path file() {
    return file;
  }

  /** The stored record with this key, if any. */
  public synchronized Optional<R> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Every stored record, oldest first. */
  public synchronized List<R> records() {
    return List.copyOf(records);
  }

  /**
   * Stores {@code record} and syncs it to disk, unless a stored record has one of its keys (the
   * first of its keys, in order, that is stored decides which): that record is returned and nothing
   * is written. Throws when the record cannot be written; the file is then as it was.
   */
  public synchronized Appended<R> appendIfAbsent(R record) {
    return appendIfAbsent(record, stored -> {});
  }

  /**
   * As {@link #appendIfAbsent(Object)}, but a record none of whose keys is stored is first given to
   * {@code admit} with every stored record, oldest first, under the log's lock: it refuses the
   * record by throwing (nothing is then written), so that a check over the stored records (a total
   * that must not exceed a bound) and the append are one step that no concurrent append can come
   * between. {@code admit} must not call the log.
   */
  public synchronized Appended<R> appendIfAbsent(R record, Consumer<List<R>> admit) {
    for (String key : keys.apply(record)) {
      R stored = key == null ? null : byKey.get(key);
      if (stored != null) {
        return new Appended<>(stored, false);
      }
    }
    admit.accept(Collections.unmodifiableList(records));
    if (damaged) {
      throw new IllegalStateException(
          file + " could not be restored after a failed append; restart the server to reopen it");
    }
    byte[] line;
    try {
      line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a record of " + file, e);
    }
    try {
      if (channel == null) {
        channel = openForAppends();
      }
      ByteBuffer buffer = ByteBuffer.wrap(line);
      long position = size;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      channel.force(true);
    } catch (IOException e) {
      undo();
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    size += line.length;
    index(record);
    return new Appended<>(record, true);
  }

  private FileChannel openForAppends() throws IOException {
    boolean created = !Files.exists(file);
    Files.createDirectories(file.getParent());
    FileChannel opened =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    // held while the log is open: a second writer would write over this one's records
    FileLock lock;
    try {
      lock = opened.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null || opened.size() != size) {
      opened.close();
      throw new HeldElsewhere(
          file
              + " is being written by another process or log (a second rishe serve on this"
              + " warehouse?); only one may write it");
    }
    if (created) {
      // the new file's name must survive a crash too: sync the folder that holds it
      try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        folder.force(true);
      } catch (IOException | UnsupportedOperationException e) {
        // not every platform syncs a folder; the file's own sync still holds its records
      }
    }
    return opened;
  }

  /** Cuts a partly written line off after a failed write, so that the next one starts clean. */
  private void undo() {
    try {
      if (channel != null) {
        channel.truncate(size);
        channel.force(true);
      }
    } catch (IOException e) {
      damaged = true;
    }
  }

  private void index(R record) {
    records.add(record);
    for (String key : keys.apply(record)) {
      if (key != null) {
        byKey.putIfAbsent(key, record);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // every record was synced when it was appended; nothing is lost
      }
      channel = null;
    }
  }

  /** The log's file is held by another writer (another server on the same warehouse). */
  public static final class HeldElsewhere extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    HeldElsewhere(String message) {
      super(message);
    }
  }
}
