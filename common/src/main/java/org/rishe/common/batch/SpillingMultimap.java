package org.rishe.common.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Text keys to lists of text values, filled once and then looked up, in memory bounded whatever the
 * number of keys: a repeat group's parent keys ({@link RepeatParents}) of an export with millions
 * of submissions.
 *
 * <p>Up to {@code inMemory} values are held in a hash map, and while no more are added nothing
 * touches the disk. Past that the map is written to a temporary file as a sorted run and emptied;
 * when filling is done ({@link #finish()}) the runs are merged into one sorted file (at most
 * {@value #MERGE_WIDTH} runs at a time) and deleted. A lookup finds its block of that file in a
 * sparse index of at most {@value #MAX_INDEX} keys, reads the block and keeps it for the next
 * lookup, which for a repeat group exported in its submissions' order is usually in the same block.
 * A key's values keep the order they were added in, as in memory, so both ways give the same
 * answers. {@link #close()} deletes the files.
 *
 * <p>Each key is a record of the key's length and UTF-8 bytes, its values' count, and each value's
 * length and bytes, so no key or value needs escaping.
 */
final class SpillingMultimap implements AutoCloseable {
  /** The most keys the sparse index of the merged file holds. */
  static final int MAX_INDEX = 1 << 16;

  /** The most runs merged at once (each holds an open file and its buffer). */
  static final int MERGE_WIDTH = 64;

  /** The fewest records a block of the merged file holds. */
  private static final int MIN_BLOCK = 32;

  private final int inMemory;
  private final int maxValues;
  private final Path directory;
  private Map<String, List<String>> memory = new HashMap<>();
  private int held;

  /** The sorted runs written so far, in the order written, and how many records each holds. */
  private final List<Path> runs = new ArrayList<>();

  private final List<Long> runRecords = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();

  private FileChannel merged;
  private String[] indexKeys;
  private long[] indexOffsets;
  private int cachedBlock = -1;
  private Map<String, List<String>> cached;

  /**
   * @param inMemory the most values held in memory before they are written to disk (at least 1)
   * @param maxValues the most values kept for a key; later ones are not kept (a count capped at 2
   *     needs no more)
   * @param directory where the temporary files go, or null for the system's temporary folder
   */
  SpillingMultimap(int inMemory, int maxValues, Path directory) {
    if (inMemory < 1 || maxValues < 1) {
      throw new IllegalArgumentException("inMemory and maxValues must be at least 1");
    }
    this.inMemory = inMemory;
    this.maxValues = maxValues;
    this.directory = directory;
  }

  /** Adds a value to a key's list (before {@link #finish()}). */
  void add(String key, String value) {
    List<String> values = memory.get(key);
    if (values != null && values.size() >= maxValues) {
      return;
    }
    if (held == inMemory) {
      spill();
    }
    memory.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    held++;
  }

  /** Ends the filling: runs written to disk, if any, are merged into the file lookups read. */
  void finish() {
    if (runs.isEmpty()) {
      return;
    }
    spill();
    memory = null;
    try {
      while (runs.size() > MERGE_WIDTH) {
        List<Path> first = new ArrayList<>(runs.subList(0, MERGE_WIDTH));
        long records = runRecords.subList(0, MERGE_WIDTH).stream().mapToLong(n -> n).sum();
        Path run = newFile();
        merge(first, run, Long.MAX_VALUE);
        runs.subList(0, MERGE_WIDTH).clear();
        runRecords.subList(0, MERGE_WIDTH).clear();
        runs.add(0, run);
        runRecords.add(0, records);
        delete(first);
      }
      long records = runRecords.stream().mapToLong(n -> n).sum();
      long every = Math.max(MIN_BLOCK, (records + MAX_INDEX - 1) / MAX_INDEX);
      Path sorted = newFile();
      merge(runs, sorted, every);
      delete(runs);
      runs.clear();
      merged = FileChannel.open(sorted, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the parent keys to a temporary file", e);
    }
  }

  /** Whether the values went to disk. */
  boolean spilled() {
    return merged != null;
  }

  /** The values added for a key, in the order added; empty when there are none. */
  List<String> get(String key) {
    if (merged == null) {
      return memory.getOrDefault(key, List.of());
    }
    int block = Arrays.binarySearch(indexKeys, key);
    if (block < 0) {
      block = -block - 2; // the last block starting before the key
      if (block < 0) {
        return List.of();
      }
    }
    if (block != cachedBlock) {
      cached = readBlock(block);
      cachedBlock = block;
    }
    return cached.getOrDefault(key, List.of());
  }

  /** The temporary files still on disk (for tests). */
  List<Path> files() {
    return files.stream().filter(Files::exists).toList();
  }

  @Override
  public void close() {
    try {
      if (merged != null) {
        merged.close();
      }
    } catch (IOException e) {
      // the files are deleted all the same
    } finally {
      merged = null;
      delete(files);
      memory = null;
    }
  }

  /** Writes the values in memory to a new sorted run and empties the map. */
  private void spill() {
    try {
      Path run = newFile();
      List<String> keys = new ArrayList<>(memory.keySet());
      keys.sort(Comparator.naturalOrder());
      try (DataOutputStream out = output(run)) {
        for (String key : keys) {
          write(out, key, memory.get(key));
        }
      }
      runs.add(run);
      runRecords.add((long) keys.size());
      memory = new HashMap<>();
      held = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the parent keys to a temporary file", e);
    }
  }

  /**
   * Merges sorted runs into one file, a key's values in run order; when {@code every} is less than
   * {@link Long#MAX_VALUE}, the merged file is the one lookups read, and every {@code every}-th
   * record's key and offset go to the sparse index.
   */
  private void merge(List<Path> sources, Path target, long every) throws IOException {
    List<Run> open = new ArrayList<>();
    PriorityQueue<Run> queue =
        new PriorityQueue<>(
            Comparator.<Run, String>comparing(run -> run.key).thenComparingInt(run -> run.order));
    List<String> keys = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    try (DataOutputStream out = output(target)) {
      for (int i = 0; i < sources.size(); i++) {
        Run run = new Run(i, input(sources.get(i)));
        open.add(run);
        if (run.advance()) {
          queue.add(run);
        }
      }
      long written = 0;
      long offset = 0;
      while (!queue.isEmpty()) {
        Run first = queue.poll();
        String key = first.key;
        List<String> values = new ArrayList<>(first.values);
        if (first.advance()) {
          queue.add(first);
        }
        while (!queue.isEmpty() && queue.peek().key.equals(key)) {
          Run next = queue.poll();
          for (String value : next.values) {
            if (values.size() < maxValues) {
              values.add(value);
            }
          }
          if (next.advance()) {
            queue.add(next);
          }
        }
        if (written % every == 0) {
          keys.add(key);
          offsets.add(offset);
        }
        offset += write(out, key, values);
        written++;
      }
    } finally {
      for (Run run : open) {
        run.in.close();
      }
    }
    if (every < Long.MAX_VALUE) {
      indexKeys = keys.toArray(String[]::new);
      indexOffsets = new long[offsets.size() + 1];
      for (int i = 0; i < offsets.size(); i++) {
        indexOffsets[i] = offsets.get(i);
      }
      indexOffsets[offsets.size()] = Files.size(target);
    }
  }

  /** The records of one block of the merged file. */
  private Map<String, List<String>> readBlock(int block) {
    long start = indexOffsets[block];
    int length = Math.toIntExact(indexOffsets[block + 1] - start);
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try {
      while (buffer.hasRemaining()) {
        if (merged.read(buffer, start + buffer.position()) < 0) {
          throw new EOFException("the parent keys' temporary file ends early");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the parent keys' temporary file", e);
    }
    buffer.flip();
    Map<String, List<String>> records = new HashMap<>();
    while (buffer.hasRemaining()) {
      String key = text(buffer);
      int count = buffer.getInt();
      List<String> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(text(buffer));
      }
      records.put(key, values);
    }
    return records;
  }

  private static String text(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.getInt()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Writes a record; returns its length in bytes. */
  private static long write(DataOutputStream out, String key, List<String> values)
      throws IOException {
    long length = write(out, key) + Integer.BYTES;
    out.writeInt(values.size());
    for (String value : values) {
      length += write(out, value);
    }
    return length;
  }

  private static int write(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
    return Integer.BYTES + bytes.length;
  }

  private static String read(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  private Path newFile() throws IOException {
    Path file =
        directory == null
            ? Files.createTempFile("rishe-parent-keys-", ".bin")
            : Files.createTempFile(directory, "rishe-parent-keys-", ".bin");
    files.add(file);
    return file;
  }

  private static DataOutputStream output(Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  private static DataInputStream input(Path file) throws IOException {
    return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  private static void delete(List<Path> paths) {
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a temporary file left behind holds keys only (_index, _uuid, KEY), no answers
      }
    }
  }

  /** A sorted run being merged: its current record. */
  private static final class Run {
    final int order;
    final DataInputStream in;
    String key;
    List<String> values;

    Run(int order, DataInputStream in) {
      this.order = order;
      this.in = in;
    }

    /** Reads the next record; false at the end of the run. */
    boolean advance() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException end) {
        return false;
      }
      key = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      int count = in.readInt();
      values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(read(in));
      }
      return true;
    }
  }
}
