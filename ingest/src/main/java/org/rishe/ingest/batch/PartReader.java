package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileParts;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.batch.SourceRow;

/**
 * The executor's side of staging a file in parts: each task opens the file itself through Hadoop's
 * FileSystem (so it reads the same path on a cluster), reads only its part, with the same reader a
 * read of the whole file uses, and returns each record as one row of {@link PartStager}'s staged
 * schema: the staging columns of an accepted record or the quarantine columns of a rejected one,
 * and which of the two it is. What it read is added to the file's {@link FileTally} when the part
 * ends.
 */
final class PartReader implements FlatMapFunction<Iterator<BatchFileParts.Part>, Row> {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String fileName;
  private final BatchEncoding encoding;
  private final long headerEnd;
  private final RowStaging staging;
  private final int stagingColumns;
  private final int stagedColumns;
  private final FileTally tally;
  private final byte[] configuration;

  /**
   * @param location the file's path
   * @param fileName its name, which names its format and entity
   * @param headerEnd where the bytes holding a CSV file's header end ({@link
   *     BatchFileParts#headerEnd()})
   * @param stagingColumns how many columns a staging row has; the quarantine columns follow them
   * @param stagedColumns how many columns a staged row has: those two and the kind last
   */
  PartReader(
      String location,
      String fileName,
      BatchEncoding encoding,
      long headerEnd,
      RowStaging staging,
      int stagingColumns,
      int stagedColumns,
      FileTally tally,
      Configuration configuration) {
    this.location = requireNonNull(location, "location is null");
    this.fileName = requireNonNull(fileName, "fileName is null");
    this.encoding = requireNonNull(encoding, "encoding is null");
    this.headerEnd = headerEnd;
    this.staging = requireNonNull(staging, "staging is null");
    this.stagingColumns = stagingColumns;
    this.stagedColumns = stagedColumns;
    this.tally = requireNonNull(tally, "tally is null");
    this.configuration = written(configuration);
  }

  @Override
  public Iterator<Row> call(Iterator<BatchFileParts.Part> parts) {
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && parts.hasNext()) {
          current = rows(parts.next());
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The staged rows of one part, read as they are asked for. */
  private Iterator<Row> rows(BatchFileParts.Part part) {
    Configuration hadoop = configuration();
    Path path = new Path(location);
    BatchFileReader reader;
    try {
      FileSystem fileSystem = path.getFileSystem(hadoop);
      FSDataInputStream input = fileSystem.open(path);
      input.seek(part.offset());
      InputStream bytes = new LimitedInputStream(input, part.length());
      try {
        reader =
            part.offset() == 0
                ? BatchFileReader.open(fileName, bytes, encoding)
                : BatchFileReader.openPart(
                    fileName, header(fileSystem, path), bytes, part.firstLine(), encoding);
      } catch (RuntimeException e) {
        bytes.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) context -> reader.close());
    }
    FileTally.Part found = new FileTally.Part();
    return new Iterator<>() {
      private Row next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        if (next == null && !ended) {
          Optional<SourceRow> record = reader.next();
          if (record.isPresent()) {
            next = staged(record.get(), found);
          } else {
            ended = true;
            found.countEnd(part.length(), reader.columns(), reader.droppedPersonalColumns());
            reader.close();
            tally.addPart(part.offset(), found);
          }
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
      }
    };
  }

  /** The bytes holding a CSV file's header, read before a part after it; none for JSON Lines. */
  private InputStream header(FileSystem fileSystem, Path path) throws IOException {
    return headerEnd > 0
        ? new LimitedInputStream(fileSystem.open(path), headerEnd)
        : InputStream.nullInputStream();
  }

  private Row staged(SourceRow record, FileTally.Part found) {
    RowStaging.Staged staged = staging.stage(record);
    found.countRecord(staged.reason());
    Object[] values = new Object[stagedColumns];
    Object[] own = staged.values();
    System.arraycopy(own, 0, values, staged.accepted() ? 0 : stagingColumns, own.length);
    values[stagedColumns - 1] = staged.accepted() ? EntityStager.ACCEPTED : EntityStager.REJECTED;
    return RowFactory.create(values);
  }

  private Configuration configuration() {
    Configuration hadoop = new Configuration(false);
    try {
      hadoop.readFields(new DataInputStream(new ByteArrayInputStream(configuration)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Hadoop configuration sent to the task", e);
    }
    return hadoop;
  }

  /** The configuration's settings as bytes, since a Hadoop configuration is not serializable. */
  private static byte[] written(Configuration configuration) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      configuration.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Hadoop configuration", e);
    }
    return bytes.toByteArray();
  }

  /** The first {@code limit} bytes of a stream; closing it closes the stream. */
  private static final class LimitedInputStream extends FilterInputStream {
    private long left;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
