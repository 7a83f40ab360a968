package org.rishe.api.error;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself, before any Javalin handler runs (an ambiguous or
 * malformed URI, headers too large), as problem+json like every other error, without Jetty's HTML
 * page or any detail of the request.
 */
public final class JettyProblemErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    String title = status >= 500 ? "Server error" : "Bad request";
    String body =
        "{\"type\":\"https://rishe.org/problems/http-"
            + status
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\"the server refused the request before reading it; send a canonical"
            + " path and well-formed headers\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
