package org.rishe.api.table;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.rishe.api.error.ApiProblem;

/**
 * One page of a list: its rows and the cursor of the next page (null on the last). A cursor is
 * opaque to callers; it encodes the run and the offset, so a cursor from a run no longer served is
 * refused instead of silently skipping or repeating rows.
 */
public record Page<T>(List<T> rows, String nextCursor) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public Page {
    rows = List.copyOf(rows);
  }

  /** The page {@code ?limit} and {@code ?cursor} ask for out of every row of the run's list. */
  public static <T> Page<T> of(Context ctx, String runId, List<T> all) {
    int limit = limit(ctx.queryParam("limit"));
    int offset = offset(ctx.queryParam("cursor"), runId);
    if (offset > all.size()) {
      throw ApiProblem.badRequest("the cursor points past the end of the list; start again");
    }
    int end = Math.min(all.size(), offset + limit);
    String next = end < all.size() ? cursor(runId, end) : null;
    return new Page<>(all.subList(offset, end), next);
  }

  static int limit(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below like an out-of-range number
    }
    throw ApiProblem.badRequest(
        "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
  }

  static String cursor(String runId, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((runId + "|" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int offset(String cursor, String runId) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
    int separator = decoded.lastIndexOf('|');
    if (separator < 0) {
      throw badCursor();
    }
    if (!decoded.substring(0, separator).equals(runId)) {
      throw ApiProblem.badRequest(
          "the cursor belongs to another results run; a newer run was published, start again"
              + " without a cursor");
    }
    try {
      int offset = Integer.parseInt(decoded.substring(separator + 1));
      if (offset < 0) {
        throw badCursor();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw badCursor();
    }
  }

  private static ApiProblem badCursor() {
    return ApiProblem.badRequest(
        "the cursor is not one this API gave; pass the nextCursor of the previous page");
  }
}
