package org.rishe.api.routing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rishe.api.error.ApiProblem;

/**
 * Reading a request's JSON body strictly, for the routes that take one: at most a given number of
 * bytes (a chunked body has no Content-Length for the gate to check), shallow, short, with only the
 * fields of the request record, of the right types.
 */
public final class JsonBody {
  /**
   * Refuses unknown fields, a field given twice (which would otherwise answer for the last one:
   * {@code {"measure":"cases","measure":"people"}}), trailing tokens, nulls for primitives and
   * coerced scalars.
   */
  public static final ObjectMapper STRICT =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(8)
                          .maxStringLength(4096)
                          .maxNumberLength(32)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private JsonBody() {}

  /** The request's body, {@code 413} when it is longer than {@code maxBytes}. */
  public static byte[] read(Context ctx, long maxBytes) {
    byte[] body;
    try {
      body = ctx.req().getInputStream().readNBytes((int) maxBytes + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
    if (body.length > maxBytes) {
      throw ApiProblem.contentTooLarge(maxBytes);
    }
    return body;
  }
}
