package org.rishe.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every error to RFC 9457 {@code application/problem+json}, with no stack trace and no request
 * data echoed back beyond the path. The only place where exceptions become responses.
 */
public final class ProblemResponses {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  private static final int[] ERROR_STATUSES = {
    400, 401, 403, 404, 405, 406, 408, 409, 410, 411, 413, 414, 415, 416, 422, 429, 431, 500, 501,
    502, 503, 504
  };

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.exception(
        ApiProblem.class,
        (e, ctx) -> {
          if (e.extensions().get("retryAfterSeconds") instanceof Long seconds) {
            ctx.header("Retry-After", Long.toString(seconds));
          }
          write(ctx, e.status(), e.type(), e.title(), e.getMessage(), e.extensions());
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            write(
                ctx,
                e.getStatus(),
                "http-" + e.getStatus(),
                reason(e.getStatus()),
                detailFor(e.getStatus()),
                Map.of()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          write(
              ctx,
              500,
              "internal-error",
              "Internal server error",
              "the server failed to answer; the error was logged",
              Map.of());
        });
    // a status set without an exception (Javalin's own 404 and 405, a handler's bare status)
    for (int status : ERROR_STATUSES) {
      routes.error(
          status,
          ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(CONTENT_TYPE)) {
              write(ctx, status, "http-" + status, reason(status), detail(status, ctx), Map.of());
            }
          });
    }
  }

  private static String detail(int status, Context ctx) {
    return status == 405 ? "this route does not accept " + ctx.method() : detailFor(status);
  }

  private void write(
      Context ctx,
      int status,
      String type,
      String title,
      String detail,
      Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://rishe.org/problems/" + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", ctx.path());
    // an extension never replaces one of RFC 9457's members (a need's "status" once did, making
    // the problem's status a word)
    extensions.forEach(body::putIfAbsent);
    try {
      // bytes, as JSON's UTF-8: a String result is encoded in the content type's charset, and
      // Jetty assumes ISO-8859-1 for application/problem+json, turning Persian text into '?'
      ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.status(500)
          .contentType(CONTENT_TYPE)
          .result("{\"title\":\"Internal server error\",\"status\":500}");
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      case 406 -> "Not acceptable";
      case 414 -> "URI too long";
      case 415 -> "Unsupported media type";
      case 431 -> "Request header fields too large";
      case 429 -> "Too many requests";
      default -> status >= 500 ? "Server error" : "Client error";
    };
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "no such route; see /api/v1/openapi.json for the routes";
      case 413 -> "the request body is too large";
      default -> reason(status);
    };
  }
}
