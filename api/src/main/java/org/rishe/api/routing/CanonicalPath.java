package org.rishe.api.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses every request path that is not already canonical. Servers, proxies and routers disagree
 * on how {@code //}, {@code /./}, {@code /../}, encoded dots and slashes, backslashes and {@code ;}
 * parameters are read, and each disagreement is a way to reach a handler the authorisation did not
 * see (Javalin 7.2.4 fixed such bypasses). Refusing them outright leaves one reading of a path.
 */
public final class CanonicalPath {
  private static final String[] FORBIDDEN_ESCAPES = {"%2e", "%2f", "%5c", "%00", "%25", "%3b"};

  private CanonicalPath() {}

  /**
   * Why the raw (still encoded) query string cannot be read as written: a {@code %} not followed by
   * two hex digits. The servlet container drops such a parameter silently, so {@code ?lang=%ZZ}
   * would be answered as if no language had been asked. Empty when it can (or there is none).
   */
  public static Optional<String> queryProblem(String rawQuery) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (int i = 0; i < rawQuery.length(); i++) {
      if (rawQuery.charAt(i) == '%') {
        try {
          escaped(rawQuery, i, "the query string");
        } catch (IllegalArgumentException e) {
          return Optional.of(e.getMessage() + "; write a % itself as %25");
        }
      }
    }
    return Optional.empty();
  }

  /** Why the raw (still encoded) request path is not canonical; empty when it is. */
  public static Optional<String> problem(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return Optional.of("the path must start with '/'");
    }
    if (rawPath.length() > 2048) {
      return Optional.of("the path is longer than 2048 characters");
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (String escape : FORBIDDEN_ESCAPES) {
      if (lower.contains(escape)) {
        return Optional.of("the path contains the escape " + escape.toUpperCase(Locale.ROOT));
      }
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x21 || c == 0x7f || c == '\\' || c == ';') {
        return Optional.of("the path contains a control character, a backslash or ';'");
      }
    }
    if (rawPath.length() > 1 && rawPath.endsWith("/")) {
      return Optional.of("the path ends with '/'");
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() && rawPath.length() > 1) {
        return Optional.of("the path contains '//'");
      }
      if (segment.equals(".") || segment.equals("..") || segment.endsWith(".")) {
        return Optional.of("the path contains a '.' or '..' segment or a segment ending in '.'");
      }
    }
    try {
      decode(rawPath);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * The path with its percent escapes decoded as UTF-8, the way Javalin matches it: the gate must
   * match {@code /api/v1/%70roblems} to the same route Javalin does. Call after {@link #problem}
   * found none, so no escape here can make a '/' or a '.'.
   */
  public static String decode(String rawPath) {
    if (rawPath.indexOf('%') < 0) {
      return rawPath;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        bytes.write(escaped(rawPath, i, "the path"));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * The byte the percent escape at {@code at} of {@code raw} stands for; {@code what} names the
   * text in the message of the exception a broken escape throws.
   */
  private static int escaped(String raw, int at, String what) {
    if (at + 2 >= raw.length()) {
      throw new IllegalArgumentException(what + " ends in an incomplete % escape");
    }
    int high = Character.digit(raw.charAt(at + 1), 16);
    int low = Character.digit(raw.charAt(at + 2), 16);
    if (high < 0 || low < 0) {
      throw new IllegalArgumentException(what + " has a % not followed by two hex digits");
    }
    return high * 16 + low;
  }
}
