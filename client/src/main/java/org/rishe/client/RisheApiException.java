package org.rishe.client;

/**
 * The API answered with an error: the HTTP status and the RFC 9457 problem's title and detail (what
 * went wrong and how to fix it).
 */
public final class RisheApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final String detail;

  public RisheApiException(int status, String title, String detail) {
    super(status + " " + title + (detail == null || detail.isBlank() ? "" : ": " + detail));
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** What went wrong and how to fix it, as the server said; may be null. */
  public String detail() {
    return detail;
  }
}
