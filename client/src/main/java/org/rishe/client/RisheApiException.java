package org.rishe.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error: the HTTP status and the RFC 9457 problem's title and detail (what
 * went wrong and how to fix it), and the problem's other members ({@link #extensions}), e.g. a
 * refused pledge's {@code remaining} or a bad code's {@code validCodes}.
 */
public final class RisheApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final String detail;
  private final Map<String, Object> extensions;

  public RisheApiException(int status, String title, String detail) {
    this(status, title, detail, Map.of());
  }

  /**
   * With the problem's members other than {@code type}, {@code title}, {@code status}, {@code
   * detail} and {@code instance}, as Jackson reads JSON (texts, numbers, lists, maps; no nulls).
   */
  public RisheApiException(
      int status, String title, String detail, Map<String, Object> extensions) {
    super(status + " " + title + (detail == null || detail.isBlank() ? "" : ": " + detail));
    this.status = status;
    this.title = title;
    this.detail = detail;
    Map<String, Object> copy = new LinkedHashMap<>();
    if (extensions != null) {
      extensions.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              copy.put(name, value);
            }
          });
    }
    this.extensions = Collections.unmodifiableMap(copy);
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

  /** The problem's further members by name, in the order sent; empty when it has none. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** One further member of the problem, if it was sent. */
  public Optional<Object> extension(String name) {
    return Optional.ofNullable(extensions.get(name));
  }
}
