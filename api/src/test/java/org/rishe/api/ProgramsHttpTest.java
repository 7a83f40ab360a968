package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/** {@code /programs} and {@code /programs/{id}/impact} over real HTTP. */
class ProgramsHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;
  private ServedWarehouse server;

  @BeforeEach
  void start() throws Exception {
    server = new ServedWarehouse(warehouse);
    PublishedRunFixture.writePrograms(warehouse, "run-1");
    PublishedRunFixture.writeProgramImpactGaps(warehouse, "run-1");
    PublishedRunFixture.publish(
        warehouse,
        "run-1",
        List.of(new PublishedRunFixture.Problem("child_labour", "Child labour", "کار کودک", 1, 1)));
    server.awaitRun("run-1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void programsListsEveryProgrammeWithItsCost() throws Exception {
    JsonNode body =
        JSON.readTree(
            server.get("/api/v1/programs", server.keys.create(Role.LEADERSHIP, null)).body());

    assertThat(body.get("run").asText()).isEqualTo("run-1");
    assertThat(body.get("programs")).hasSize(2);
    JsonNode first = body.get("programs").get(0);
    assertThat(first.get("id").asText()).isEqualTo("PRG01");
    assertThat(first.get("targetProblem").asText()).isEqualTo("school_dropout");
    assertThat(first.get("costPerParticipant").asDouble()).isEqualTo(45.0);
    assertThat(first.get("participants").asLong()).isEqualTo(1500);
    assertThat(body.get("programs").get(1).get("costPerParticipant").isNull()).isTrue();
  }

  @Test
  void impactGivesTheHeadlineEstimateNaiveDifferenceMethodsAndBalance() throws Exception {
    String researcher = server.keys.create(Role.RESEARCHER, null);
    JsonNode body = JSON.readTree(server.get("/api/v1/programs/PRG01/impact", researcher).body());

    assertThat(body.get("program").get("name").asText()).isEqualTo("Back to School");
    assertThat(body.get("outcomes")).hasSize(1);
    JsonNode outcome = body.get("outcomes").get(0);
    assertThat(outcome.get("outcome").asText()).isEqualTo("school_enrolled");
    assertThat(outcome.get("method").asText()).isEqualTo("doubly_robust");
    assertThat(outcome.get("estimate").get("estimate").asDouble()).isCloseTo(0.15, within(1e-12));
    assertThat(outcome.get("estimate").get("low").asDouble()).isCloseTo(0.12, within(1e-12));
    assertThat(outcome.get("estimate").get("high").asDouble()).isCloseTo(0.18, within(1e-12));
    assertThat(outcome.get("naiveDifference").asDouble()).isCloseTo(0.05, within(1e-12));
    assertThat(outcome.get("treated").asLong()).isEqualTo(1500);
    assertThat(outcome.get("controls").asLong()).isEqualTo(7000);
    assertThat(outcome.get("costPerOutcome").get("estimate").asDouble()).isEqualTo(300.0);
    assertThat(outcome.get("methods")).hasSize(2);
    assertThat(outcome.get("balance")).hasSize(2);
    assertThat(outcome.get("balance").get(0).get("covariate").asText()).isEqualTo("age");
    assertThat(outcome.get("balance").get(0).get("before").asDouble()).isEqualTo(0.10);
    // out_of_school is an indicator: its difference of shares over 1,500 and 7,000 would give the
    // counts of the out-of-school in each group back to a researcher
    assertThat(outcome.get("balance").get(1).get("covariate").asText()).isEqualTo("out_of_school");
    assertThat(outcome.get("balance").get(1).get("before").isNull()).isTrue();
    assertThat(outcome.get("balance").get(1).get("after").isNull()).isTrue();
    // Dehejia & Wahba's check counts strata, not people: served for every covariate, an
    // indicator's too (the fixture's 6 strata, 2 of them unbalanced in out_of_school, none in age)
    JsonNode age = outcome.get("balance").get(0);
    assertThat(age.get("strata").asInt()).isEqualTo(6);
    assertThat(age.get("unbalancedStrata").isInt()).isTrue();
    assertThat(age.get("unbalancedStrata").asInt()).isZero();
    JsonNode outOfSchool = outcome.get("balance").get(1);
    assertThat(outOfSchool.get("strata").asInt()).isEqualTo(6);
    assertThat(outOfSchool.get("unbalancedStrata").asInt()).isEqualTo(2);
    String planner = server.keys.create(Role.PLANNER, null);
    JsonNode planned =
        JSON.readTree(server.get("/api/v1/programs/PRG01/impact", planner).body())
            .get("outcomes")
            .get(0);
    assertThat(planned.get("balance").get(1).get("before").asDouble()).isEqualTo(0.45);
    assertThat(planned.get("balance").get(1).get("after").asDouble()).isEqualTo(0.02);
    assertThat(planned.get("balance").get(1).get("unbalancedStrata").asInt()).isEqualTo(2);
  }

  @Test
  void aRunPublishedBeforeTheBalanceCheckServesItsBalanceWithoutStrata() throws Exception {
    PublishedRunFixture.writePrograms(warehouse, "run-2");
    // program_balance as published before strata and unbalanced_strata existed
    writeBalance(
        "run-2",
        "('PRG01','school_enrolled','out_of_school',0.45,0.02,true),"
            + " ('PRG01','school_enrolled','age',0.10,-0.01,false)",
        "smd_before, smd_after, binary_covariate");
    PublishedRunFixture.publish(warehouse, "run-2", PublishedRunFixture.childLabour(1));
    server.awaitRun("run-2");

    JsonNode planned = plannersBalance();
    assertThat(planned.get(0).get("covariate").asText()).isEqualTo("age");
    assertThat(planned.get(0).get("before").asDouble()).isEqualTo(0.10);
    assertThat(planned.get(0).get("after").asDouble()).isEqualTo(-0.01);
    for (JsonNode row : planned) {
      assertThat(row.get("strata").isNull()).isTrue();
      assertThat(row.get("unbalancedStrata").isNull()).isTrue();
    }
  }

  @Test
  void aRunPublishedBeforeIndicatorsWereMarkedServesNoBalanceFigureToAResearcher()
      throws Exception {
    PublishedRunFixture.writePrograms(warehouse, "run-2");
    // program_balance as published before binary_covariate existed: every difference, though
    // out_of_school's is one of two shares, has a value
    writeBalance(
        "run-2",
        "('PRG01','school_enrolled','out_of_school',0.45,0.02),"
            + " ('PRG01','school_enrolled','age',0.10,-0.01)",
        "smd_before, smd_after");
    PublishedRunFixture.publish(warehouse, "run-2", PublishedRunFixture.childLabour(1));
    server.awaitRun("run-2");

    JsonNode researched =
        JSON.readTree(
                server
                    .get("/api/v1/programs/PRG01/impact", server.keys.create(Role.RESEARCHER, null))
                    .body())
            .get("outcomes")
            .get(0)
            .get("balance");
    assertThat(researched).hasSize(2);
    for (JsonNode row : researched) {
      assertThat(row.get("before").isNull()).as(row.toString()).isTrue();
      assertThat(row.get("after").isNull()).as(row.toString()).isTrue();
      assertThat(row.get("strata").isNull()).isTrue();
    }
    assertThat(plannersBalance().get(1).get("before").asDouble()).isEqualTo(0.45);
  }

  /** Replaces run {@code runId}'s program_balance with the rows given under the columns given. */
  private void writeBalance(String runId, String rows, String columns) throws Exception {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement statement = connection.createStatement()) {
      AttackRunFixture.copy(
          statement,
          warehouse.resolve("results").resolve(runId),
          "program_balance",
          "SELECT * FROM (VALUES "
              + rows
              + ") AS t(program_id, outcome, covariate, "
              + columns
              + ")");
    }
  }

  /** The balance rows of PRG01's one outcome, as a planner gets them. */
  private JsonNode plannersBalance() throws Exception {
    return JSON.readTree(
            server
                .get("/api/v1/programs/PRG01/impact", server.keys.create(Role.PLANNER, null))
                .body())
        .get("outcomes")
        .get(0)
        .get("balance");
  }

  @Test
  void outcomesAndCovariatesCarryTheirCatalogueLabelsInTheLanguageAsked() throws Exception {
    String planner = server.keys.create(Role.PLANNER, null);
    JsonNode english = JSON.readTree(server.get("/api/v1/programs/PRG01/impact", planner).body());
    JsonNode persian =
        JSON.readTree(server.get("/api/v1/programs/PRG01/impact?lang=fa", planner).body());

    assertThat(english.get("outcomes").get(0).get("label").asText()).isEqualTo("School enrolment");
    assertThat(persian.get("outcomes").get(0).get("label").asText()).isEqualTo("ثبت‌نام در مدرسه");
    // age is the design's own covariate, named in words; out_of_school is not in the fixture's
    // catalogue: no label, the page shows the code
    JsonNode age = english.get("outcomes").get(0).get("balance").get(0);
    assertThat(age.get("covariate").asText()).isEqualTo("age");
    assertThat(age.get("label").asText()).isEqualTo("Age");
    assertThat(persian.get("outcomes").get(0).get("balance").get(0).get("label").asText())
        .isEqualTo("سن");
    assertThat(english.get("outcomes").get(0).get("balance").get(1).get("label").isNull()).isTrue();
    // an outcome without an estimate is labelled too
    JsonNode reading = null;
    for (JsonNode gap : persian.get("notEstimated")) {
      if ("reading_score".equals(gap.get("outcome").asText())) {
        reading = gap;
      }
    }
    assertThat(reading).isNotNull();
    assertThat(reading.get("label").asText()).isEqualTo("نمره خواندن");
    // and says why in Persian, with Persian digits (the fixture's counts, worded by hand)
    assertThat(reading.get("text").asText())
        .isEqualTo(
            "۱٬۵۰۰ ثبت‌نام‌شده، ۰ پیامد در پنجرهٔ پیگیری ۳۰ تا ۳۶۵ روز؛ ۷ بیرون از آن مشاهده"
                + " شده، با میانهٔ ۴۰۰ روز پس از ثبت‌نام");
    assertThat(server.get("/api/v1/programs/PRG01/impact?lang=de", planner).statusCode())
        .isEqualTo(400);
  }

  @Test
  void impactOfAnUnevaluatedProgrammeHasNoOutcomesAndSaysWhy() throws Exception {
    String planner = server.keys.create(Role.PLANNER, null);
    JsonNode body = JSON.readTree(server.get("/api/v1/programs/PRG04/impact", planner).body());

    assertThat(body.get("outcomes")).isEmpty();
    assertThat(body.get("notEstimated")).hasSize(1);
    JsonNode programme = body.get("notEstimated").get(0);
    assertThat(programme.get("outcome").isNull()).isTrue();
    assertThat(programme.get("reason").asText()).isEqualTo("nobody_in_scope");
    assertThat(programme.get("text").asText())
        .isEqualTo(
            "900 enrolled, none in scope: none has a birth date or year giving an age at"
                + " enrolment within the scope");
  }

  @Test
  void notEstimatedSaysWhyEachOutcomeHasNoEstimateWithItsCounts() throws Exception {
    String planner = server.keys.create(Role.PLANNER, null);
    JsonNode body = JSON.readTree(server.get("/api/v1/programs/PRG01/impact", planner).body());

    assertThat(body.get("outcomes")).hasSize(1);
    JsonNode late = body.get("notEstimated").get(0);
    assertThat(late.get("outcome").asText()).isEqualTo("reading_score");
    assertThat(late.get("reason").asText()).isEqualTo("no_outcome_in_window");
    assertThat(late.get("text").asText())
        .isEqualTo(
            "1,500 enrolled, 0 outcomes in the follow-up window of 30–365 days; 7 observed"
                + " outside it, at a median 400 days after enrolment");
    assertThat(late.get("treatedOutsideWindow").asLong()).isEqualTo(7);
    assertThat(late.get("medianDaysOutsideWindow").asDouble()).isEqualTo(400.0);
    assertThat(late.get("followUpEndDays").asInt()).isEqualTo(365);
    JsonNode few = body.get("notEstimated").get(1);
    assertThat(few.get("reason").asText()).isEqualTo("too_few_treated");
    assertThat(few.get("text").asText())
        .isEqualTo("12 enrolled with the outcome in the window, fewer than the 20 needed");
    assertThat(few.get("followUpEndDays").isNull()).isTrue();
  }

  @Test
  void aResearcherSeesNoCountOfOneToTenInNotEstimatedNorInItsSentence() throws Exception {
    String researcher = server.keys.create(Role.RESEARCHER, null);
    JsonNode body = JSON.readTree(server.get("/api/v1/programs/PRG01/impact", researcher).body());

    JsonNode late = body.get("notEstimated").get(0);
    assertThat(late.get("treatedOutsideWindow").isNull()).isTrue();
    assertThat(late.get("medianDaysOutsideWindow").isNull()).isTrue();
    assertThat(late.get("enrolled").asLong()).isEqualTo(1500);
    assertThat(late.get("treatedWithOutcome").asLong()).isEqualTo(0);
    assertThat(late.get("text").asText())
        .isEqualTo(
            "1,500 enrolled, 0 outcomes in the follow-up window of 30–365 days; fewer than 11"
                + " observed outside it")
        .doesNotContain("7")
        .doesNotContain("400");
    // the same counts withheld from the Persian sentence
    JsonNode persian =
        JSON.readTree(server.get("/api/v1/programs/PRG01/impact?lang=fa", researcher).body());
    assertThat(persian.get("notEstimated").get(0).get("text").asText())
        .isEqualTo(
            "۱٬۵۰۰ ثبت‌نام‌شده، ۰ پیامد در پنجرهٔ پیگیری ۳۰ تا ۳۶۵ روز؛ کمتر از ۱۱ بیرون از آن"
                + " مشاهده شده")
        .doesNotContain("۷")
        .doesNotContain("۴۰۰");
    // 12 is at least k = 11: a researcher sees it
    assertThat(body.get("notEstimated").get(1).get("treatedWithOutcome").asLong()).isEqualTo(12);
  }

  @Test
  void aRunPublishedBeforeTheGapsTableIsServedWithNoneListed() throws Exception {
    PublishedRunFixture.writePrograms(warehouse, "run-2");
    PublishedRunFixture.publish(
        warehouse,
        "run-2",
        List.of(new PublishedRunFixture.Problem("child_labour", "Child labour", "کار کودک", 1, 1)));
    server.awaitRun("run-2");

    JsonNode body =
        JSON.readTree(
            server
                .get("/api/v1/programs/PRG01/impact", server.keys.create(Role.LEADERSHIP, null))
                .body());

    assertThat(body.get("outcomes")).hasSize(1);
    assertThat(body.get("notEstimated")).isEmpty();
  }

  @Test
  void unknownProgrammeIsNotFoundListingTheValidIds() throws Exception {
    HttpResponse<String> response =
        server.get("/api/v1/programs/PRG99/impact", server.keys.create(Role.ADMIN, null));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("detail").asText()).contains("PRG99");
    assertThat(problem.get("validCodes").toString()).contains("PRG01").contains("PRG04");
  }

  @Test
  void aProblemNamesAPersianIdAsSentInUtf8() throws Exception {
    String id = "برنامه-۱";
    HttpResponse<String> response =
        server.get(
            "/api/v1/programs/"
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                + "/impact",
            server.keys.create(Role.ADMIN, null));

    assertThat(response.statusCode()).isEqualTo(404);
    // decoded as JSON's UTF-8 (the content type names no charset)
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("'" + id + "'");
  }

  @Test
  void donorMayNotReadProgrammeImpact() throws Exception {
    HttpResponse<String> response =
        server.get("/api/v1/programs/PRG01/impact", server.keys.create(Role.DONOR, "d1"));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void impactIsAvailableAsCsv() throws Exception {
    HttpResponse<String> response =
        server.get(
            "/api/v1/programs/PRG01/impact", server.keys.create(Role.PLANNER, null), "text/csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    List<String> lines = response.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("outcome,outcome_type,method,headline,estimate");
    assertThat(lines.get(1)).startsWith("school_enrolled,risk_difference,doubly_robust,true,0.15");
  }
}
