package org.rishe.ingest.batch;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.util.AccumulatorV2;

/**
 * What the tasks reading a file's parts found, summed on the driver as each task ends: records
 * read, records rejected while reading by reason, the columns seen and the personal columns
 * dropped, and the bytes of the parts read (for the progress line). An accumulator, so no row is
 * ever collected to the driver. Each part's task adds its whole part once, at its end; a task that
 * fails adds nothing, and the file then fails as a whole.
 */
final class FileTally extends AccumulatorV2<FileTally, FileTally> {
  private static final long serialVersionUID = 1L;

  // read while tasks end, by the thread that writes the progress lines
  private volatile long read;
  private volatile long bytes;
  private final Map<String, Long> rejectedByReason = new TreeMap<>();
  private final Set<String> columns = new TreeSet<>();
  private final Set<String> droppedPersonalColumns = new TreeSet<>();

  long read() {
    return read;
  }

  long bytes() {
    return bytes;
  }

  Map<String, Long> rejectedByReason() {
    return rejectedByReason;
  }

  Set<String> columns() {
    return columns;
  }

  Set<String> droppedPersonalColumns() {
    return droppedPersonalColumns;
  }

  /** Counts one record read, and its reason when it was rejected (else {@code reason} is null). */
  void countRecord(String reason) {
    read++;
    if (reason != null) {
      rejectedByReason.merge(reason, 1L, Long::sum);
    }
  }

  /** Records a part read to its end: its length, the columns it named and those it dropped. */
  void countPart(long length, Iterable<String> named, Iterable<String> dropped) {
    bytes += length;
    named.forEach(columns::add);
    dropped.forEach(droppedPersonalColumns::add);
  }

  @Override
  public boolean isZero() {
    return read == 0
        && bytes == 0
        && rejectedByReason.isEmpty()
        && columns.isEmpty()
        && droppedPersonalColumns.isEmpty();
  }

  @Override
  public FileTally copy() {
    FileTally copy = new FileTally();
    copy.add(this);
    return copy;
  }

  @Override
  public void reset() {
    read = 0;
    bytes = 0;
    rejectedByReason.clear();
    columns.clear();
    droppedPersonalColumns.clear();
  }

  @Override
  public synchronized void add(FileTally other) {
    read += other.read;
    bytes += other.bytes;
    other.rejectedByReason.forEach(
        (reason, count) -> rejectedByReason.merge(reason, count, Long::sum));
    columns.addAll(other.columns);
    droppedPersonalColumns.addAll(other.droppedPersonalColumns);
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
