package org.rishe.api.table;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers a table route: the page {@code limit} and {@code cursor} ask for, as CSV when the
 * request's {@code Accept} names {@code text/csv} (the next cursor then in the {@code Next-Cursor}
 * header), otherwise as the route's JSON envelope built from the page.
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
    respond(ctx, runId, rows, page -> Csv.write(rowType, page), envelope);
  }

  /** The same for rows whose columns are known only at run time, given as maps by column. */
  public static void respondMaps(
      Context ctx,
      String runId,
      List<String> columns,
      List<Map<String, Object>> rows,
      BiFunction<List<Map<String, Object>>, String, Object> envelope) {
    respond(ctx, runId, rows, page -> Csv.writeMaps(columns, page), envelope);
  }

  private static <T> void respond(
      Context ctx,
      String runId,
      List<T> rows,
      Function<List<T>, String> csv,
      BiFunction<List<T>, String, Object> envelope) {
    Page<T> page = Page.of(ctx, runId, rows);
    if (wantsCsv(ctx.header("Accept"))) {
      if (page.nextCursor() != null) {
        ctx.header(NEXT_CURSOR_HEADER, page.nextCursor());
      }
      ctx.contentType(Csv.CONTENT_TYPE).result(csv.apply(page.rows()));
      return;
    }
    ctx.json(envelope.apply(page.rows(), page.nextCursor()));
  }

  /** Whether an {@code Accept} header asks for CSV. */
  public static boolean wantsCsv(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }
}
