package org.rishe.common.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Streaming RFC 4180 reader: comma separated, double-quote quoting with doubled quotes inside, LF
 * or CRLF line ends, quoted line breaks kept inside a cell, a leading byte-order mark ignored. Each
 * record carries the line it started on, so a rejected row can be reported by line number. Rows are
 * returned with as many cells as they really have: padding or truncating to the header is the
 * caller's decision, never this reader's. Reads through its own buffer: this loop runs once per
 * character of every batch.
 */
public final class CsvReader implements Closeable {
  private static final int MAX_RECORD_CHARS = 1 << 20;
  private static final int END = -1;

  private final Reader reader;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line;
  private boolean started;
  private final StringBuilder cell = new StringBuilder();
  private final char delimiter;

  public CsvReader(Reader reader) {
    this(reader, ',');
  }

  /**
   * A reader of cells separated by {@code delimiter} (a comma, or the {@code ;} of some exports).
   */
  public CsvReader(Reader reader, char delimiter) {
    this(reader, delimiter, 1, true);
  }

  /**
   * A reader of a part of a file that starts at a record boundary: its first character is on line
   * {@code firstLine} of the file, and a byte-order mark is ignored only when the part is the
   * file's start ({@code fileStart}), as it is when the whole file is read.
   */
  public CsvReader(Reader reader, char delimiter, long firstLine, boolean fileStart) {
    this.reader = Objects.requireNonNull(reader, "reader is null");
    this.delimiter = delimiter;
    this.line = firstLine;
    this.started = !fileStart;
  }

  /** The next record, or empty at end of input. Blank lines between records are skipped. */
  public Optional<CsvRecord> next() {
    try {
      if (!started) {
        started = true;
        if (peek() == '\uFEFF') {
          position++;
        }
      }
      while (true) {
        int first = peek();
        if (first == END) {
          return Optional.empty();
        }
        if (first == '\n' || first == '\r') {
          position++;
          endOfLine(first);
          continue;
        }
        return Optional.of(readRecord());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CSV at line " + line, e);
    }
  }

  private CsvRecord readRecord() throws IOException {
    long startLine = line;
    List<String> cells = new ArrayList<>();
    cell.setLength(0);
    boolean quoted = false;
    boolean cellWasQuoted = false;
    int length = 0;
    while (true) {
      if (position >= limit && !fill()) {
        if (quoted) {
          throw new CsvFormatException(startLine, "a quoted cell is never closed");
        }
        cells.add(cell.toString());
        return new CsvRecord(startLine, Collections.unmodifiableList(cells));
      }
      char c = buffer[position++];
      if (++length > MAX_RECORD_CHARS) {
        throw new CsvFormatException(
            startLine,
            "record longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)");
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            position++;
            cell.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
        cellWasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        endOfLine(c);
        cells.add(cell.toString());
        return new CsvRecord(startLine, Collections.unmodifiableList(cells));
      } else if (c == '"' && cell.length() == 0 && !cellWasQuoted) {
        quoted = true;
        cellWasQuoted = true;
      } else {
        cell.append(c);
      }
    }
  }

  /** Counts a line end whose first character was just consumed; CRLF counts once. */
  private void endOfLine(int consumed) throws IOException {
    if (consumed == '\r' && peek() == '\n') {
      position++;
    }
    line++;
  }

  private int peek() throws IOException {
    if (position >= limit && !fill()) {
      return END;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int read = reader.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close CSV reader", e);
    }
  }
}
