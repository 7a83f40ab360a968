package org.rishe.common.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A {@code .csv} or {@code .jsonl} batch file cut into parts that can be read apart, on several
 * executors, by {@link BatchFileReader#openPart}, found in one pass over the file's bytes that also
 * computes their SHA-256. A part starts at a record boundary (after a line feed outside any quoted
 * CSV cell, and never before the CSV header's end) about every {@code partBytes} bytes, and knows
 * the line its first byte is on as {@link BatchFileReader#open} counts lines, so a record read from
 * a part carries the line a read of the whole file gives it.
 *
 * <p>The pass follows the CSV reader's rules byte by byte, without decoding: a quote opens a quoted
 * cell only as a cell's first character, a doubled quote inside one is a quote, a line feed inside
 * one counts a line and a carriage return does not; outside, CR, LF and CRLF each end a line once.
 * A JSON Lines file's lines end the way {@link java.io.BufferedReader#readLine()} ends them. The
 * characters that matter are ASCII, which is a single byte of the same value in UTF-8 and in
 * Windows-1256, and no byte of a multi-byte UTF-8 letter is below 128. Bytes that are not valid
 * text are left for the parts' readers to find.
 *
 * @param sha256 the SHA-256 of the file's bytes, lower-case hex
 * @param headerEnd for CSV, the offset after the line feed that ends the header's line (the bytes
 *     before it hold the header record) when the file has more than one part; else 0
 * @param parts the parts in file order, together the whole file (one part of length 0 for an empty
 *     file)
 */
public record BatchFileParts(String sha256, long headerEnd, List<Part> parts) {
  /** Parts of about this many bytes, unless told otherwise. */
  public static final long DEFAULT_PART_BYTES = 32L * 1024 * 1024;

  private static final int BUFFER_BYTES = 1 << 16;

  // states of the CSV pass, named after where the CSV reader stands
  private static final int BETWEEN_RECORDS = 0;
  private static final int AFTER_CARRIAGE_RETURN = 1;
  private static final int CELL_START = 2;
  private static final int UNQUOTED = 3;
  private static final int QUOTED = 4;
  private static final int QUOTE_IN_QUOTED = 5;

  public BatchFileParts {
    parts = List.copyOf(parts);
  }

  /**
   * One part of a file.
   *
   * @param index its place among the file's parts, from 0
   * @param offset where it starts in the file, in bytes
   * @param length its length in bytes
   * @param firstLine the line of the file its first byte is on, from 1
   */
  public record Part(int index, long offset, long length, long firstLine)
      implements java.io.Serializable {}

  /** Whether a file is one whose parts can be read apart: a {@code .csv} or {@code .jsonl} file. */
  public static boolean splittable(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".jsonl");
  }

  /**
   * Reads a whole {@code .csv} or {@code .jsonl} file once and cuts it into parts of at least
   * {@code partBytes} bytes (the last one may be shorter; a file no longer is one part).
   */
  public static BatchFileParts scan(
      String fileName, InputStream input, BatchEncoding encoding, long partBytes) {
    if (!splittable(fileName)) {
      throw new IllegalArgumentException(fileName + " is neither .csv nor .jsonl");
    }
    if (partBytes < 1) {
      throw new IllegalArgumentException("parts must be at least one byte, not " + partBytes);
    }
    Scanner scanner =
        new Scanner(
            fileName.toLowerCase(Locale.ROOT).endsWith(".csv"),
            encoding == BatchEncoding.UTF_8,
            partBytes);
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      for (int read; (read = input.read(buffer)) >= 0; ) {
        scanner.digest.update(buffer, 0, read);
        scanner.scan(buffer, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName, e);
    }
    return scanner.finish();
  }

  /** The pass's state between buffers. */
  private static final class Scanner {
    private final boolean csv;
    private final long partBytes;
    private final MessageDigest digest = newDigest();
    private final List<Part> parts = new ArrayList<>();
    private final byte[] byteOrderMark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private int byteOrderMarkLeft;
    private long offset;
    private long line = 1;
    private int state = BETWEEN_RECORDS;
    private boolean recordEnded;
    private long headerEnd = -1;
    private long partStart;
    private long partLine = 1;

    Scanner(boolean csv, boolean utf8, long partBytes) {
      this.csv = csv;
      this.partBytes = partBytes;
      // the UTF-8 reader drops a leading byte-order mark; in Windows-1256 those bytes are letters
      this.byteOrderMarkLeft = csv && utf8 ? byteOrderMark.length : 0;
    }

    void scan(byte[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        byte b = buffer[i];
        offset++;
        if (byteOrderMarkLeft > 0) {
          if (b == byteOrderMark[byteOrderMark.length - byteOrderMarkLeft]) {
            byteOrderMarkLeft--;
            continue;
          }
          // not a mark after all: the bytes taken for one are characters of the first cell
          state = offset > 1 ? UNQUOTED : BETWEEN_RECORDS;
          byteOrderMarkLeft = 0;
        }
        if (csv ? csvBoundaryAfter(b) : jsonLinesBoundaryAfter(b)) {
          if (headerEnd < 0) {
            headerEnd = offset;
          }
          if (offset - partStart >= partBytes) {
            parts.add(new Part(parts.size(), partStart, offset - partStart, partLine));
            partStart = offset;
            partLine = line;
          }
        }
      }
    }

    /**
     * Moves the CSV pass over one byte; true when a part may start after it (a line feed that ends
     * a record or a blank line, once the header has ended).
     */
    private boolean csvBoundaryAfter(byte b) {
      switch (state) {
        case AFTER_CARRIAGE_RETURN:
          state = BETWEEN_RECORDS;
          if (b == '\n') {
            // CRLF: the carriage return counted the line
            return recordEnded;
          }
          return csvBoundaryAfter(b);
        case BETWEEN_RECORDS:
          if (b == '\n') {
            line++;
            return recordEnded;
          }
          if (b == '\r') {
            line++;
            state = AFTER_CARRIAGE_RETURN;
            return false;
          }
          state = CELL_START;
          return csvBoundaryAfter(b);
        case CELL_START:
          if (b == '"') {
            state = QUOTED;
            return false;
          }
          return unquoted(b);
        case QUOTED:
          if (b == '"') {
            state = QUOTE_IN_QUOTED;
          } else if (b == '\n') {
            line++;
          }
          return false;
        case QUOTE_IN_QUOTED:
          if (b == '"') {
            state = QUOTED;
            return false;
          }
          return unquoted(b);
        default:
          return unquoted(b);
      }
    }

    /** A byte outside quotes inside a record (a quote there is a character of the cell). */
    private boolean unquoted(byte b) {
      if (b == ',') {
        state = CELL_START;
        return false;
      }
      if (b == '\n' || b == '\r') {
        line++;
        recordEnded = true;
        state = b == '\n' ? BETWEEN_RECORDS : AFTER_CARRIAGE_RETURN;
        return b == '\n';
      }
      state = UNQUOTED;
      return false;
    }

    /** Moves the JSON Lines pass over one byte; true after a line feed. */
    private boolean jsonLinesBoundaryAfter(byte b) {
      if (b == '\n') {
        if (state != AFTER_CARRIAGE_RETURN) {
          line++;
        }
        state = BETWEEN_RECORDS;
        return true;
      }
      if (b == '\r') {
        line++;
        state = AFTER_CARRIAGE_RETURN;
        return false;
      }
      state = BETWEEN_RECORDS;
      return false;
    }

    BatchFileParts finish() {
      if (parts.isEmpty() || partStart < offset) {
        parts.add(new Part(parts.size(), partStart, offset - partStart, partLine));
      }
      String sha256 = HexFormat.of().formatHex(digest.digest());
      return new BatchFileParts(sha256, csv && parts.size() > 1 ? headerEnd : 0, parts);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
