package org.rishe.common.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/** Writes RFC 4180 CSV with LF line ends; a cell is quoted only when it has to be. */
public final class CsvWriter implements Closeable {
  private final Writer writer;

  public CsvWriter(Writer writer) {
    this.writer = Objects.requireNonNull(writer, "writer is null");
  }

  /** Writes one record; a null cell is written empty. */
  public void write(List<?> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          writer.write(',');
        }
        Object cell = cells.get(i);
        if (cell != null) {
          writer.write(escape(cell.toString()));
        }
      }
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV", e);
    }
  }

  public void write(Object... cells) {
    write(java.util.Arrays.asList(cells));
  }

  static String escape(String value) {
    boolean needsQuotes = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        needsQuotes = true;
        break;
      }
    }
    if (!needsQuotes) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  public void flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush CSV", e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close CSV writer", e);
    }
  }
}
