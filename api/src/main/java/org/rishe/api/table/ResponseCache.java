package org.rishe.api.table;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of table routes, kept for reuse. A published run never changes, so an answer is a
 * function of the run, the route and path, the query string, whether CSV was asked for and the
 * caller's role (which decides what is suppressed): those make the key, and a newer run simply
 * misses. Only successful answers are kept; errors are thrown before anything is stored. Bounded by
 * entries and by characters, least recently used first out.
 */
public final class ResponseCache {
  /** The request attribute the server puts the cache in; without it nothing is cached. */
  public static final String ATTRIBUTE = "rishe.responseCache";

  private final int maxEntries;
  private final long maxChars;
  private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
  private long chars;

  public ResponseCache(int maxEntries, long maxChars) {
    if (maxEntries < 1 || maxChars < 1) {
      throw new IllegalArgumentException("a response cache holds at least one answer");
    }
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
  }

  /** An answer as sent: content type, body, and the next page's cursor (CSV sends it as header). */
  public record Answer(String contentType, String body, String nextCursor) {}

  /** The cache the server attached to this request, if any. */
  static Optional<ResponseCache> of(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }

  static String key(Context ctx, String runId, String variant, boolean csv) {
    String query = ctx.queryString();
    return runId
        + '\n'
        + ctx.method()
        + ' '
        + ctx.path()
        + '?'
        + (query == null ? "" : query)
        + '\n'
        + variant
        + '\n'
        + (csv ? "csv" : "json");
  }

  synchronized Optional<Answer> get(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  synchronized void put(String key, Answer answer) {
    long size = answer.body().length() + key.length();
    if (size > maxChars) {
      return;
    }
    Answer previous = answers.put(key, answer);
    if (previous != null) {
      chars -= previous.body().length() + key.length();
    }
    chars += size;
    var eldest = answers.entrySet().iterator();
    while ((answers.size() > maxEntries || chars > maxChars) && eldest.hasNext()) {
      Map.Entry<String, Answer> entry = eldest.next();
      chars -= entry.getValue().body().length() + entry.getKey().length();
      eldest.remove();
    }
  }

  synchronized int size() {
    return answers.size();
  }
}
