package org.rishe.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.impact.ImpactOptions;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.api.ApiDependencies;
import org.rishe.api.App;
import org.rishe.api.audit.AuditLog;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.Limits;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.volunteers.InterestLog;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

/**
 * Issue 19's "done when", end to end with the project's own jobs: a generated batch with needs is
 * ingested and analyzed (the notebooks' run, {@link ServedRun}, copied), and the run publishes the
 * needs board; a donor finds an open need on {@code GET /needs} and pledges to it by its reference
 * over HTTP; the charity reads the pledge's need id from the pledge log (as {@code rishe pledges
 * export} gives it) and a later batch brings the donor's donation designated {@code need:<need_id>}
 * with its aid events from received to confirmed; after ingest and analyze the donor's {@code GET
 * /me/donations} shows the journey from the pledge to confirmation, the need named by its
 * reference. Another donor gets 404 on that donation's journey, and a researcher 403 on all of it.
 *
 * <p>Runs beside the module's other test classes (its own copy of the warehouse and its own server;
 * the shared SparkSession takes jobs from both), see {@code junit-platform.properties}.
 */
@Execution(ExecutionMode.CONCURRENT)
class PledgeToConfirmationTest {
  private static final Path WORK = Path.of("target", "pledge-e2e").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final byte[] PSEUDONYM_KEY = new byte[32];
  private static final List<String> JOURNEY =
      List.of("received", "allocated", "purchased", "dispatched", "delivered", "confirmed");
  private static Javalin app;

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void aDonorFollowsAPledgeToConfirmationAndNobodyElseSeesIt() throws Exception {
    ServedRun.deleteRecursively(WORK);
    // the first batch ingested and analyzed: a copy of the notebooks' warehouse, as served
    ServedRun.copyWarehouse(WORK.resolve("warehouse"));
    WarehouseLayout layout = new WarehouseLayout(WORK.resolve("warehouse").toString());
    SparkSession spark = TestSparkSessions.shared();

    ResultsStore results = new ResultsStore(layout);
    assertThat(results.refresh()).isTrue();
    ApiKeyStore keys = new ApiKeyStore(layout.apiKeys());
    Pseudonymizer pseudonyms = new Pseudonymizer(PSEUDONYM_KEY);
    // as `rishe keys create --role donor --donor donor-e2e` stores it: the donor's pseudonym
    String donor = keys.create(Role.DONOR, pseudonyms.pseudonym("donor-e2e"));
    String otherDonor = keys.create(Role.DONOR, pseudonyms.pseudonym("donor-other"));
    String researcher = keys.create(Role.RESEARCHER, null);
    try (InterestLog interests =
            InterestLog.open(layout.interestLog(), Clock.systemUTC(), l -> {});
        PledgeLog pledges = PledgeLog.open(layout.pledgeLog(), Clock.systemUTC(), l -> {})) {
      app =
          App.create(
                  new ApiDependencies(
                      results,
                      keys,
                      ApiDependencies.DEFAULT_SMALL_CELL_THRESHOLD,
                      Limits.DEFAULT,
                      new AuditLog(layout.auditLog()),
                      interests,
                      pledges,
                      Clock.systemUTC()))
              .start("127.0.0.1", 0);

      // an open need with an amount, as the needs board serves it
      JsonNode need = openNeedWithAmount(json(get("/api/v1/needs?limit=1000", donor), 200));
      String needRef = need.get("needRef").asText();
      String amount =
          new BigDecimal(need.get("amount").asText()).stripTrailingZeros().toPlainString();
      String currency = need.get("currency").asText();
      String pledgePath = "/api/v1/needs/" + needRef + "/pledges";
      String body = "{\"amount\": " + amount + ", \"currency\": \"" + currency + "\"}";
      HttpResponse<String> pledged = post(pledgePath, body, donor);
      assertThat(pledged.statusCode()).as(pledged.body()).isEqualTo(201);
      JsonNode pledge = JSON.readTree(pledged.body());
      Instant pledgedAt = Instant.parse(pledge.get("pledgedAt").asText());
      assertThat(post(pledgePath, body, researcher).statusCode()).isEqualTo(403);
      // the need id the charity records the gift with, from the pledge log
      List<Pledge> logged = PledgeLog.read(layout.pledgeLog());
      assertThat(logged).hasSize(1);
      assertThat(logged.get(0).needRef()).isEqualTo(needRef);
      String needId = logged.get(0).needId();
      assertThat(needId).isNotEqualTo(needRef);

      // the donation that fulfils it, received the day of the pledge, and its aid events
      Path second = WORK.resolve("batch-2");
      Files.createDirectories(second);
      LocalDate day = LocalDate.ofInstant(pledgedAt, ZoneOffset.UTC);
      Files.writeString(
          second.resolve("donations.csv"),
          "donation_id,donor_id,received_on,amount,currency,designation,channel\n"
              + String.join(
                  ",",
                  "E2E-D1",
                  "donor-e2e",
                  day.toString(),
                  amount,
                  currency,
                  "need:" + needId,
                  "online")
              + "\n");
      StringBuilder events = new StringBuilder("donation_id,stage,at\n");
      for (int i = 0; i < JOURNEY.size(); i++) {
        events
            .append("E2E-D1,")
            .append(JOURNEY.get(i))
            .append(',')
            .append(pledgedAt.plus(Duration.ofHours(i + 1L)).toString())
            .append('\n');
      }
      Files.writeString(second.resolve("aid_events.csv"), events.toString());
      ingestAndAnalyze(spark, layout, second);
      assertThat(results.refresh()).isTrue();

      JsonNode mine = json(get("/api/v1/me/donations", donor), 200);
      JsonNode donation = null;
      for (JsonNode d : mine.get("donations")) {
        if (d.get("donationId").asText().equals("E2E-D1")) {
          donation = d;
        }
      }
      assertThat(donation).as(mine.toString()).isNotNull();
      List<String> stages = new ArrayList<>();
      donation.get("stages").forEach(s -> stages.add(s.get("stage").asText()));
      List<String> expected = new ArrayList<>(List.of("pledged"));
      expected.addAll(JOURNEY);
      assertThat(stages).isEqualTo(expected);
      assertThat(donation.get("stages").get(0).get("at").asText())
          .isEqualTo(pledge.get("pledgedAt").asText());
      assertThat(donation.get("current").asText()).isEqualTo("confirmed");
      assertThat(donation.get("pledgeId").asText()).isEqualTo(pledge.get("pledgeId").asText());
      assertThat(donation.get("needRef").asText()).isEqualTo(needRef);
      assertThat(donation.get("designation").asText()).isEqualTo("need:" + needRef);
      assertThat(donation.get("flags")).isEmpty();
      JsonNode status = mine.get("pledges").get(0);
      assertThat(status.get("pledgeId").asText()).isEqualTo(pledge.get("pledgeId").asText());
      assertThat(status.get("stage").asText()).isEqualTo("confirmed");
      assertThat(status.get("donationId").asText()).isEqualTo("E2E-D1");
      // the need id is internal: nothing served names it
      assertThat(mine.toString()).doesNotContain(needId);
      assertThat(get("/api/v1/needs/" + needRef, donor).body())
          .contains(needRef)
          .doesNotContain(needId);

      assertThat(get("/api/v1/donations/E2E-D1/journey", otherDonor).statusCode()).isEqualTo(404);
      assertThat(json(get("/api/v1/donations/E2E-D1/journey", donor), 200)).isEqualTo(donation);
      assertThat(get("/api/v1/me/donations", researcher).statusCode()).isEqualTo(403);
      assertThat(get("/api/v1/donations/E2E-D1/journey", researcher).statusCode()).isEqualTo(403);
    }
  }

  /** The first open need with an amount of a {@code GET /needs} answer. */
  private static JsonNode openNeedWithAmount(JsonNode board) {
    for (JsonNode need : board.get("needs")) {
      if (need.get("status").asText().equals("open") && !need.get("amount").isNull()) {
        return need;
      }
    }
    throw new AssertionError("the needs board has no open need with an amount: " + board);
  }

  private static void ingestAndAnalyze(SparkSession spark, WarehouseLayout layout, Path batch) {
    new IngestJob(spark, layout, new Pseudonymizer(PSEUDONYM_KEY), line -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
    // few resamples: this test reads journeys, not intervals
    new AnalyzeJob(spark, layout, line -> {})
        .run(
            AnalyzeParameters.defaults(),
            ProgramImpactSettings.defaults()
                .withOptions(new ImpactOptions(20, 5, ImpactOptions.DEFAULT_CALIPER)),
            CausalGraphSettings.defaults().withResamples(5));
  }

  private static HttpResponse<String> get(String path, String key)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, String key)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "e2e-" + key.hashCode())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
