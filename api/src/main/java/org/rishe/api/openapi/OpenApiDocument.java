package org.rishe.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rishe.api.auth.Role;
import org.rishe.api.error.ProblemResponses;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.table.Csv;

/**
 * The OpenAPI 3 document of every documented route, built from the route registry and, with
 * swagger-core's {@link ModelConverters}, from the response records themselves, so it cannot drift
 * from what the server answers.
 */
public final class OpenApiDocument {
  private static final String BEARER = "bearerKey";

  private OpenApiDocument() {}

  public static String json(List<ApiRoute> routes) {
    try {
      return Json.mapper().writeValueAsString(build(routes));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document", e);
    }
  }

  static OpenAPI build(List<ApiRoute> routes) {
    Components components =
        new Components()
            .addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description("a key from `rishe keys create --role ROLE`"))
            .addSchemas("Problem", problemSchema());
    Map<String, PathItem> paths = new TreeMap<>();
    for (ApiRoute route : routes) {
      if (!route.documented()) {
        continue;
      }
      PathItem item = paths.computeIfAbsent(route.path(), p -> new PathItem());
      item.operation(
          PathItem.HttpMethod.valueOf(route.method().name()), operation(route, components));
    }
    Paths documented = new Paths();
    paths.forEach(documented::addPathItem);
    return new OpenAPI()
        .info(
            new Info()
                .title("Rishe API")
                .version("v1")
                .description("Published analytics results; errors are RFC 9457 problem+json."))
        .paths(documented)
        .components(components);
  }

  private static Operation operation(ApiRoute route, Components components) {
    Operation operation =
        new Operation()
            .operationId(route.method().name().toLowerCase(Locale.ROOT) + route.path())
            .summary(route.summary());
    if (!route.isPublic()) {
      operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
      operation.description(
          "Roles: "
              + route.roles().stream().map(Role::code).sorted().collect(Collectors.joining(", "))
              + (route.audited() ? ". Every call is written to the audit log." : ".")
              + (route.costly()
                  ? " Expensive: the server answers a few such requests at once and answers 503"
                      + " with Retry-After when no turn comes within seconds."
                  : ""));
    }
    for (String segment : route.segments()) {
      if (segment.startsWith("{")) {
        operation.addParametersItem(
            new Parameter()
                .in("path")
                .name(segment.substring(1, segment.length() - 1))
                .required(true)
                .schema(new StringSchema()));
      }
    }
    addOptional(operation, "query", route.query());
    addOptional(operation, "header", route.headers());
    if (route.request() != null) {
      ResolvedSchema body = ModelConverters.getInstance().readAllAsResolvedSchema(route.request());
      body.referencedSchemas.forEach(components::addSchemas);
      operation.requestBody(
          new RequestBody()
              .required(true)
              .description("JSON; unknown fields are refused")
              .content(
                  new Content()
                      .addMediaType("application/json", new MediaType().schema(body.schema))));
    }
    Content ok = new Content();
    if (route.response() != null) {
      ResolvedSchema resolved =
          ModelConverters.getInstance().readAllAsResolvedSchema(route.response());
      resolved.referencedSchemas.forEach(components::addSchemas);
      ok.addMediaType("application/json", new MediaType().schema(resolved.schema));
    }
    if (route.tabular()) {
      ok.addMediaType(Csv.CONTENT_TYPE.split(";")[0], new MediaType().schema(new StringSchema()));
    }
    ApiResponses responses =
        new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(ok));
    Content problem =
        new Content()
            .addMediaType(
                ProblemResponses.CONTENT_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    responses.addApiResponse(
        "default", new ApiResponse().description("an RFC 9457 problem").content(problem));
    return operation.responses(responses);
  }

  private static void addOptional(
      Operation operation, String in, List<ApiRoute.QueryParameter> parameters) {
    for (ApiRoute.QueryParameter parameter : parameters) {
      operation.addParametersItem(
          new Parameter()
              .in(in)
              .name(parameter.name())
              .description(parameter.description())
              .required(false)
              .schema(new StringSchema()));
    }
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema());
  }
}
