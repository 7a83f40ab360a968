package org.rishe.common.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Streaming RFC 4180 reader: comma separated, double-quote quoting with doubled quotes inside, LF
 * or CRLF line ends, quoted line breaks kept inside a cell, a leading byte-order mark ignored. Each
 * record carries the line it started on, so a rejected row can be reported by line number. Rows are
 * returned with as many cells as they really have: padding or truncating to the header is the
 * caller's decision, never this reader's.
 */
public final class CsvReader implements Closeable {
  private static final int MAX_RECORD_CHARS = 1 << 20;

  private final Reader reader;
  private long line = 1;
  private int pushedBack = -2;
  private boolean started;

  public CsvReader(Reader reader) {
    Objects.requireNonNull(reader, "reader is null");
    this.reader = reader instanceof BufferedReader ? reader : new BufferedReader(reader, 1 << 16);
  }

  /** The next record, or empty at end of input. Blank lines between records are skipped. */
  public Optional<CsvRecord> next() {
    try {
      while (true) {
        int first = read();
        if (!started) {
          started = true;
          if (first == '\uFEFF') {
            first = read();
          }
        }
        if (first == -1) {
          return Optional.empty();
        }
        if (first == '\n') {
          line++;
          continue;
        }
        if (first == '\r') {
          int after = read();
          if (after != '\n') {
            unread(after);
          }
          line++;
          continue;
        }
        unread(first);
        return Optional.of(readRecord());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CSV at line " + line, e);
    }
  }

  private CsvRecord readRecord() throws IOException {
    long startLine = line;
    List<String> cells = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean cellWasQuoted = false;
    while (true) {
      int c = read();
      if (raw.length() > MAX_RECORD_CHARS) {
        throw new CsvFormatException(
            startLine,
            "record longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)");
      }
      if (c == -1) {
        if (quoted) {
          throw new CsvFormatException(startLine, "a quoted cell is never closed");
        }
        cells.add(cell.toString());
        return new CsvRecord(startLine, cells, raw.toString());
      }
      if (quoted) {
        if (c == '"') {
          int after = read();
          if (after == '"') {
            cell.append('"');
            raw.append("\"\"");
          } else {
            quoted = false;
            raw.append('"');
            unread(after);
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append((char) c);
          raw.append((char) c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (cell.length() == 0 && !cellWasQuoted) {
            quoted = true;
            cellWasQuoted = true;
          } else {
            cell.append('"');
          }
          raw.append('"');
        }
        case ',' -> {
          cells.add(cell.toString());
          cell.setLength(0);
          cellWasQuoted = false;
          raw.append(',');
        }
        case '\r' -> {
          int after = read();
          if (after != '\n') {
            unread(after);
          }
          line++;
          cells.add(cell.toString());
          return new CsvRecord(startLine, cells, raw.toString());
        }
        case '\n' -> {
          line++;
          cells.add(cell.toString());
          return new CsvRecord(startLine, cells, raw.toString());
        }
        default -> {
          cell.append((char) c);
          raw.append((char) c);
        }
      }
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return reader.read();
  }

  private void unread(int c) {
    pushedBack = c;
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
