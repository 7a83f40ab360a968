package org.rishe.common.csv;

/** The text is not CSV as RFC 4180 defines it (for example a quote left open at end of file). */
public final class CsvFormatException extends RuntimeException {
  private final long line;

  public CsvFormatException(long line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
