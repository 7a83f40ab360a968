package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.api.routing.ApiRoute;

class OpenApiTest extends OneServerPerClass {
  private static RawHttp.Response document;

  @BeforeAll
  static void fetchDocument() {
    document = RawHttp.send(server.port(), "GET", "/api/v1/openapi.json", Map.of());
  }

  private static OpenAPI parsed() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.body(), null, null);
    assertThat(result.getMessages()).isEmpty();
    return result.getOpenAPI();
  }

  @Test
  void theDocumentIsPublicAndAValidOpenApi3Document() {
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.header("content-type")).startsWith("application/json");
    OpenAPI openApi = parsed();
    assertThat(openApi.getOpenapi()).startsWith("3.");
    assertThat(openApi.getComponents().getSecuritySchemes()).containsKey("bearerKey");
  }

  @Test
  void everyDocumentedRouteIsInTheDocumentAndEveryDocumentedOperationIsARoute() {
    Set<String> registered = new HashSet<>();
    for (ApiRoute route : server.routes()) {
      if (route.documented()) {
        registered.add(route.method().name() + " " + route.path());
      }
    }
    Set<String> documented = new HashSet<>();
    parsed()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method.name() + " " + path)));

    assertThat(documented).isEqualTo(registered);
    assertThat(registered).contains("GET /api/v1/problems", "GET /api/v1/health");
  }

  @Test
  void responseSchemasAreBuiltFromTheResponseRecords() {
    OpenAPI openApi = parsed();
    PathItem problems = openApi.getPaths().get("/api/v1/problems");

    assertThat(openApi.getComponents().getSchemas())
        .containsKeys("ProblemsResponse", "ProblemView");
    assertThat(openApi.getComponents().getSchemas().get("ProblemView").getProperties())
        .containsKeys("code", "label", "cases", "people");
    assertThat(problems.getGet().getSecurity()).isNotEmpty();
    assertThat(problems.getGet().getResponses().get("200").getContent())
        .containsKeys("application/json", "text/csv");
    assertThat(problems.getGet().getParameters())
        .extracting(p -> p.getName())
        .contains("lang", "limit", "cursor");
  }

  @Test
  void aChainIsDocumentedWithItsDirectionSampleSizeAndIntervals() {
    Schema<?> chain = parsed().getComponents().getSchemas().get("ChainView");

    assertThat(chain.getProperties())
        .containsKeys("shareMediated", "directed", "people", "directLow", "totalHigh");
    assertThat(chain.getProperties().get("directed").getDescription()).contains("possible chain");
    assertThat(chain.getProperties()).containsKeys("effectScale", "families", "riskExposed");
    assertThat(chain.getProperties().get("effectScale").getDescription())
        .contains("risk difference")
        .contains("log-odds")
        .contains("clustered by family")
        .contains("conditional on the selected graph");
    assertThat(chain.getProperties().get("indirect").getDescription())
        .contains("psi(1,1) - psi(1,0)");
  }

  @Test
  void theEvidenceGradeIsDocumentedWithItsRuleAndTheTotalEffectWithItsTest() {
    Map<String, Schema> schemas = parsed().getComponents().getSchemas();

    Schema<?> factor = schemas.get("FactorView");
    assertThat(factor.getProperties().get("evidence").getDescription())
        .contains("total effect")
        .contains("q < 0.01")
        .contains("at least 20 exposed cases")
        .contains("q < 0.05");
    Schema<?> total = schemas.get("TotalEffectView");
    assertThat(total.getProperties()).containsKeys("riskRatio", "riskDifference", "p", "q");
    assertThat(total.getProperties().get("p").getDescription()).contains("Wald");
    assertThat(total.getProperties().get("q").getDescription()).contains("Benjamini-Hochberg");
  }

  @Test
  void programmeImpactDocumentsWhyAnOutcomeHasNoEstimate() {
    Map<String, Schema> schemas = parsed().getComponents().getSchemas();
    Schema<?> notEstimated = schemas.get("NotEstimatedView");

    assertThat(schemas.get("ImpactResponse").getProperties()).containsKey("notEstimated");
    assertThat(notEstimated.getProperties())
        .containsKeys(
            "outcome",
            "reason",
            "text",
            "treatedOutsideWindow",
            "medianDaysOutsideWindow",
            "followUpEndDays");
    assertThat(notEstimated.getProperties().get("reason").getDescription())
        .contains("no_outcome_in_window")
        .contains("too_few_treated");
  }

  @Test
  void aCovariatesBalanceDocumentsTheStrataStillUnbalanced() {
    Schema<?> balance = parsed().getComponents().getSchemas().get("BalanceView");

    assertThat(balance.getProperties())
        .containsKeys("covariate", "before", "after", "strata", "unbalancedStrata");
    assertThat(balance.getProperties().get("strata").getDescription())
        .contains("propensity strata");
    assertThat(balance.getProperties().get("unbalancedStrata").getDescription())
        .contains("Welch t-test, 5%")
        .contains("one stratum and covariate in twenty")
        .contains("propensity specification");
  }

  @Test
  void aPostRouteDocumentsItsRequestBodyFromTheRequestRecord() {
    OpenAPI openApi = parsed();
    PathItem query = openApi.getPaths().get("/api/v1/query");

    assertThat(query.getPost()).isNotNull();
    assertThat(query.getGet()).isNull();
    assertThat(query.getPost().getRequestBody().getRequired()).isTrue();
    assertThat(query.getPost().getRequestBody().getContent()).containsKey("application/json");
    assertThat(openApi.getComponents().getSchemas().get("QueryRequest").getProperties())
        .containsOnlyKeys("measure", "dimensions", "filters", "totals");
    assertThat(query.getPost().getResponses().get("200").getContent())
        .containsKeys("application/json", "text/csv");
    assertThat(query.getPost().getParameters())
        .extracting(p -> p.getName())
        .contains("limit", "cursor");
    assertThat(query.getPost().getDescription()).contains("researcher").contains("audit");
  }

  @Test
  void theInterestRouteDocumentsItsIdempotencyKeyHeaderAndItsVolunteerRole() {
    io.swagger.v3.oas.models.Operation interest =
        parsed().getPaths().get("/api/v1/programs/{id}/interest").getPost();

    assertThat(interest.getDescription()).startsWith("Roles: volunteer.");
    assertThat(interest.getParameters())
        .anySatisfy(
            parameter -> {
              assertThat(parameter.getIn()).isEqualTo("header");
              assertThat(parameter.getName()).isEqualTo("Idempotency-Key");
              assertThat(parameter.getRequired()).isFalse();
            });
  }

  @Test
  void swaggerUiIsServedFromTheWebJarPointingAtOurDocument() {
    RawHttp.Response page = RawHttp.send(server.port(), "GET", "/api/v1/docs", Map.of());
    RawHttp.Response bundle =
        RawHttp.send(server.port(), "GET", "/api/v1/docs/swagger-ui-bundle.js", Map.of());
    RawHttp.Response init =
        RawHttp.send(server.port(), "GET", "/api/v1/docs/rishe-init.js", Map.of());
    RawHttp.Response other =
        RawHttp.send(server.port(), "GET", "/api/v1/docs/pom.properties", Map.of());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("docs/swagger-ui-bundle.js").doesNotContain("https://");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
    assertThat(init.body()).contains("/api/v1/openapi.json");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.isProblemJson()).isTrue();
    assertThat(page.header("content-type").toLowerCase(Locale.ROOT)).startsWith("text/html");
    // the same protections as the dashboard's page: no inline script, no framing, no sniffing
    for (RawHttp.Response response : java.util.List.of(page, bundle, init)) {
      assertThat(response.header("content-security-policy"))
          .contains("default-src 'self'")
          .contains("frame-ancestors 'none'")
          .contains("object-src 'none'")
          .doesNotContain("script-src");
      assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
    }
  }
}
