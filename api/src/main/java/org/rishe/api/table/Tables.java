package org.rishe.api.table;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rishe.api.auth.Authorizer;

/**
 * Answers a table route: the page {@code limit} and {@code cursor} ask for, as CSV when the
 * request's {@code Accept} names {@code text/csv} (the next cursor then in the {@code Next-Cursor}
 * header), otherwise as the route's JSON envelope built from the page. Given the rows as a
 * supplier, the answer is served from the {@link ResponseCache} when the same request was answered
 * before from the same run, and the rows are not even computed.
 */
public final class Tables {
  public static final String NEXT_CURSOR_HEADER = "Next-Cursor";

  private Tables() {}

  public static <T extends Record> void respond(
      Context ctx,
      String runId,
      Class<T> rowType,
      List<T> rows,
      BiFunction<List<T>, String, Object> envelope) {
    respond(ctx, runId, rowType, () -> new Computed<>(rows, envelope));
  }

  /** A table route's rows and how to wrap a page of them in the route's JSON envelope. */
  public record Computed<T>(List<T> rows, BiFunction<List<T>, String, Object> envelope) {}

  /**
   * As above with the parameters checked and the rows computed only on a cache miss: a request
   * answered before from the same run is answered again without either. Everything the answer
   * depends on must be in the run, the path, the query string or the caller's role; a request
   * refused by {@code compute} (it throws) is never stored.
   */
  public static <T extends Record> void respond(
      Context ctx, String runId, Class<T> rowType, Supplier<Computed<T>> compute) {
    serve(ctx, runId, compute, page -> Csv.write(rowType, page));
  }

  /**
   * The same for rows whose columns are known only at run time, given as maps by column. A POST
   * route's answer (it depends on the body) is never cached.
   */
  public static void respondMaps(
      Context ctx,
      String runId,
      List<String> columns,
      List<Map<String, Object>> rows,
      BiFunction<List<Map<String, Object>>, String, Object> envelope) {
    serve(ctx, runId, () -> new Computed<>(rows, envelope), page -> Csv.writeMaps(columns, page));
  }

  private static <T> void serve(
      Context ctx,
      String runId,
      Supplier<Computed<T>> compute,
      Function<List<T>, String> csvWriter) {
    boolean csv = wantsCsv(ctx.header("Accept"));
    // only reads: a POST's answer depends on its body, which is not in the key
    Optional<ResponseCache> cache =
        ctx.method() == HandlerType.GET ? ResponseCache.of(ctx) : Optional.empty();
    String key = ResponseCache.key(ctx, runId, variant(ctx), csv);
    Optional<ResponseCache.Answer> cached = cache.flatMap(c -> c.get(key));
    ResponseCache.Answer answer =
        cached.orElseGet(
            () -> {
              Computed<T> computed = compute.get();
              Page<T> page = Page.of(ctx, runId, computed.rows());
              if (csv) {
                return new ResponseCache.Answer(
                    Csv.CONTENT_TYPE, csvWriter.apply(page.rows()), page.nextCursor());
              }
              Object body = computed.envelope().apply(page.rows(), page.nextCursor());
              return new ResponseCache.Answer(
                  ContentType.JSON, ctx.jsonMapper().toJsonString(body, body.getClass()), null);
            });
    if (cached.isEmpty()) {
      cache.ifPresent(c -> c.put(key, answer));
    }
    if (csv && answer.nextCursor() != null) {
      ctx.header(NEXT_CURSOR_HEADER, answer.nextCursor());
    }
    ctx.contentType(answer.contentType()).result(answer.body());
  }

  /**
   * What about the caller changes an answer: the role (researchers see suppressed counts) and whom
   * a donor's or volunteer's key belongs to (GET /me/matches is one path for every volunteer).
   */
  private static String variant(Context ctx) {
    return Authorizer.presentedKey(ctx)
        .map(key -> key.role().name() + (key.subject() == null ? "" : ":" + key.subject()))
        .orElse("public");
  }

  /** Whether an {@code Accept} header asks for CSV. */
  public static boolean wantsCsv(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }
}
