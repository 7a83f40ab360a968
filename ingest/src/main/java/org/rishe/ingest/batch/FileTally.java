package org.rishe.ingest.batch;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.util.AccumulatorV2;

/**
 * What the tasks reading a file's parts found, summed on the driver as each task ends: records
 * read, records rejected while reading by reason, the columns seen and the personal columns
 * dropped, and the bytes of the parts read (for the progress line). An accumulator, so no row is
 * ever collected to the driver. Each part's task adds its whole part at its end, kept by the part's
 * offset: a task that fails adds nothing (the file then fails as a whole), and a part read again,
 * when the file is read inside a larger job whose stage Spark runs again after losing its output,
 * replaces what it added the first time instead of counting twice.
 */
final class FileTally extends AccumulatorV2<FileTally, FileTally> {
  private static final long serialVersionUID = 1L;

  /** What each part read, by the part's offset in the file. */
  private final Map<Long, Part> parts = new TreeMap<>();

  /** What one task read of its part. */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;

    private long read;
    private long bytes;
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final Set<String> columns = new TreeSet<>();
    private final Set<String> droppedPersonalColumns = new TreeSet<>();

    /**
     * Counts one record read, and its reason when it was rejected (else {@code reason} is null).
     */
    void countRecord(String reason) {
      read++;
      if (reason != null) {
        rejectedByReason.merge(reason, 1L, Long::sum);
      }
    }

    /** Records the part read to its end: its length, the columns it named and those it dropped. */
    void countEnd(long length, Iterable<String> named, Iterable<String> dropped) {
      bytes += length;
      named.forEach(columns::add);
      dropped.forEach(droppedPersonalColumns::add);
    }
  }

  /** Adds what a part's task read, once the part is read to its end. */
  synchronized void addPart(long offset, Part part) {
    parts.put(offset, part);
  }

  // read while tasks end, by the thread that writes the progress lines
  synchronized long read() {
    return parts.values().stream().mapToLong(part -> part.read).sum();
  }

  synchronized long bytes() {
    return parts.values().stream().mapToLong(part -> part.bytes).sum();
  }

  synchronized Map<String, Long> rejectedByReason() {
    Map<String, Long> reasons = new TreeMap<>();
    for (Part part : parts.values()) {
      part.rejectedByReason.forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
    }
    return reasons;
  }

  synchronized Set<String> columns() {
    Set<String> columns = new TreeSet<>();
    parts.values().forEach(part -> columns.addAll(part.columns));
    return columns;
  }

  synchronized Set<String> droppedPersonalColumns() {
    Set<String> dropped = new TreeSet<>();
    parts.values().forEach(part -> dropped.addAll(part.droppedPersonalColumns));
    return dropped;
  }

  @Override
  public synchronized boolean isZero() {
    return parts.isEmpty();
  }

  @Override
  public FileTally copy() {
    FileTally copy = new FileTally();
    copy.add(this);
    return copy;
  }

  @Override
  public synchronized void reset() {
    parts.clear();
  }

  @Override
  public void add(FileTally other) {
    Map<Long, Part> added;
    synchronized (other) {
      added = new TreeMap<>(other.parts);
    }
    synchronized (this) {
      parts.putAll(added);
    }
  }

  @Override
  public void merge(AccumulatorV2<FileTally, FileTally> other) {
    add(other.value());
  }

  @Override
  public FileTally value() {
    return this;
  }
}
