package org.rishe.common.batch;

/** A batch file that cannot be read at all; the message names the file, the cause and the fix. */
public final class BatchFileException extends RuntimeException {
  public BatchFileException(String message) {
    super(message);
  }

  public BatchFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
