package org.rishe.api.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rishe.api.audit.Auditor;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.routing.JsonBody;
import org.rishe.api.table.Tables;

/**
 * {@code POST /query} (a researcher aggregate: a table, paged, CSV on ask) and {@code GET
 * /query/cubes} (what can be asked). Reads the body strictly: a JSON object with only the fields of
 * {@link QueryRequest}, of the right types, at most {@code maxBodyBytes} long.
 */
public final class QueryController {
  private static final ObjectMapper STRICT = JsonBody.STRICT;
  private static final String FIELDS = "measure, dimensions, filters, totals";

  private final ResultsStore results;
  private final QueryService service;
  private final long maxBodyBytes;

  public final Endpoint query =
      Endpoint.of(
              "a researcher aggregate: a measure broken down by dimensions, small cells and the"
                  + " cells they could be recovered from suppressed",
              this::query)
          .accepts(QueryRequest.class)
          .returns(QueryResponse.class)
          .table()
          .personDerived()
          .expensive();

  public final Endpoint cubes =
      Endpoint.of("the measures POST /query serves, with their dimensions and values", this::cubes)
          .returns(CubesResponse.class);

  public QueryController(ResultsStore results, QueryService service, long maxBodyBytes) {
    this.results = requireNonNull(results, "results is null");
    this.service = requireNonNull(service, "service is null");
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The response of {@code POST /query}: {@code rows} holds one object per cell of the breakdown,
   * with one field per dimension, {@code value} (null where suppressed) and {@code suppressed}.
   */
  public record QueryResponse(
      String runId,
      String measure,
      List<String> dimensions,
      int minCell,
      List<Map<String, Object>> rows,
      List<Margin> totals,
      int suppressedCells,
      String nextCursor) {}

  /** A margin of the breakdown: the dimensions it keeps and its cells. */
  public record Margin(List<String> dimensions, List<Map<String, Object>> rows) {}

  /** The response of {@code GET /query/cubes}: every measure with its dimensions and values. */
  public record CubesResponse(String runId, int minCell, List<CubeView> cubes) {}

  /** One measure: its dimensions in order, each with the values it may be filtered on. */
  public record CubeView(String measure, List<DimensionView> dimensions) {}

  public record DimensionView(String name, List<String> values) {}

  private void query(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    QueryRequest request = parse(ctx);
    QueryService.Answer answer = service.answer(run, request);
    List<String> columns = new ArrayList<>(answer.table().dimensions());
    columns.add(QueryService.VALUE);
    columns.add(QueryService.SUPPRESSED);
    List<Margin> totals =
        answer.totals().stream().map(t -> new Margin(t.dimensions(), t.rows())).toList();
    Tables.respondMaps(
        ctx,
        run.runId(),
        columns,
        answer.table().rows(),
        (page, next) ->
            new QueryResponse(
                run.runId(),
                answer.measure(),
                answer.table().dimensions(),
                service.minCell(),
                page,
                totals,
                answer.suppressedCells(),
                next));
  }

  private void cubes(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    List<CubeView> cubes = new ArrayList<>();
    service
        .prepare(run)
        .forEach(
            (measure, cube) ->
                cubes.add(
                    new CubeView(
                        measure,
                        cube.dimensions().stream()
                            .map(d -> new DimensionView(d, cube.domain(d)))
                            .toList())));
    ctx.json(new CubesResponse(run.runId(), service.minCell(), cubes));
  }

  private QueryRequest parse(Context ctx) {
    byte[] body = JsonBody.read(ctx, maxBodyBytes);
    if (body.length == 0) {
      throw ApiProblem.badRequest(
          "the request has no body; send a JSON object such as"
              + " {\"measure\":\"cases\",\"dimensions\":[\"region\"]}");
    }
    try {
      QueryRequest request = STRICT.readValue(body, QueryRequest.class);
      if (request == null) {
        throw ApiProblem.badRequest("the body is null; send a JSON object with " + FIELDS);
      }
      ctx.attribute(Auditor.REQUEST_ATTRIBUTE, STRICT.writeValueAsString(request));
      return request;
    } catch (UnrecognizedPropertyException e) {
      throw ApiProblem.badRequest(
          "unknown field '"
              + shorten(e.getPropertyName())
              + "'; a query has only the fields "
              + FIELDS,
          Map.of("validFields", List.of("measure", "dimensions", "filters", "totals")));
    } catch (JsonMappingException e) {
      throw ApiProblem.badRequest(
          "the body is not a query"
              + where(e)
              + ": measure is a text, dimensions a list of texts, filters an object of lists of"
              + " texts, totals true or false");
    } catch (JsonProcessingException e) {
      String original = e.getOriginalMessage();
      if (original != null && original.startsWith("Duplicate field")) {
        throw ApiProblem.badRequest(
            shorten(original.substring("Duplicate field ".length()))
                + " is given twice; give each field of the query once");
      }
      throw ApiProblem.badRequest(
          "the body is not valid JSON (or is nested or long beyond the limits); send a JSON"
              + " object with "
              + FIELDS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  private static String where(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                r ->
                    r.getFieldName() != null ? shorten(r.getFieldName()) : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "" : " (at " + path + ")";
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 64 ? String.valueOf(text) : text.substring(0, 64) + "…";
  }
}
