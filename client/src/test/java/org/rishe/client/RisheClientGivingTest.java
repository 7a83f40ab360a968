package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The donor's routes ({@code GET /needs}, {@code GET /needs/{ref}}, {@code POST
 * /needs/{ref}/pledges}, {@code GET /me/donations}, {@code GET /donations/{id}/journey}) against a
 * {@link FakeApi} answering fixed bodies in the shapes docs/api.md gives, and the requests the
 * client sends.
 */
class RisheClientGivingTest extends FakeApiTest {
  private static final String FIRST_PAGE =
      """
      {"run":"run-1","rule":"age band and sex are shown only where …","minGroupSize":11,
       "needs":[{"needRef":"nr_a","kind":"school_fees","kindLabel":"School fees","amount":1000000.0,
                 "currency":"IRR","region":"R01","program":"PRG01","programName":"Back to school",
                 "ageBand":"10-14","sex":"female","daysOpen":12,"status":"open"}],
       "nextCursor":"p2"}""";

  private static final String LAST_PAGE =
      """
      {"run":"run-1","rule":"age band and sex are shown only where …","minGroupSize":11,
       "needs":[{"needRef":"nr_b","kind":"clothing","kindLabel":"Clothing","amount":null,
                 "currency":null,"region":"R02","program":null,"programName":null,"ageBand":null,
                 "sex":null,"daysOpen":40,"status":"pledged"}],
       "nextCursor":null}""";

  private static final String NEED =
      """
      {"needRef":"nr_a","kind":"school_fees","kindLabel":"شهریه مدرسه","amount":1000000.0,
       "currency":"IRR","region":"R01","program":"PRG01","programName":"Back to school",
       "ageBand":null,"sex":null,"daysOpen":12,"status":"open"}""";

  private static final String PLEDGE =
      """
      {"pledgeId":"3f8a0a5e-4bd6-4b8e-9a43-0c1d2e3f4a5b","needRef":"nr_a","amount":400000.0,
       "currency":"IRR","pledgedAt":"2026-12-04T19:30:00.123Z","idempotencyKey":"k-1"}""";

  private static final String FULL =
      """
      {"type":"https://rishe.org/problems/conflict","title":"Conflict","status":409,
       "detail":"the pledges to this need would add up to more than its amount; at most 600000.0 IRR may still be pledged to it (remaining)",
       "instance":"/api/v1/needs/nr_a/pledges","needRef":"nr_a","remaining":600000.0,
       "currency":"IRR"}""";

  private static final String JOURNEY =
      """
      {"donationId":"D3","designation":"need:nr_a","receivedOn":"2026-12-06",
       "stages":[{"stage":"pledged","at":"2026-12-04T19:30:00.123Z"},
                 {"stage":"received","at":"2026-12-06T00:00:00Z"},
                 {"stage":"delivered","at":"2026-12-10T09:00:00Z"}],
       "current":"delivered",
       "stageGaps":[{"fromStage":"pledged","toStage":"received","days":1.19},
                    {"fromStage":"received","toStage":"delivered","days":4.38}],
       "deliveredOn":"2026-12-10","daysToDelivery":4,"flags":["out_of_order"],
       "programId":null,"needRef":"nr_a","daysInStage":3,
       "pledgeId":"3f8a0a5e-4bd6-4b8e-9a43-0c1d2e3f4a5b","pledgedAt":"2026-12-04T19:30:00.123Z"}""";

  private static final String GIVING =
      "{\"run\":\"run-1\",\"donations\":["
          + JOURNEY
          + """
          ,{"donationId":"D1","designation":"program:PRG01","receivedOn":"2025-01-01",
            "stages":[],"current":"received","stageGaps":[],"deliveredOn":null,
            "daysToDelivery":null,"flags":["stalled","never_delivered"],"programId":"PRG01",
            "needRef":null,"daysInStage":700,"pledgeId":null,"pledgedAt":null}],
           "pledges":[{"pledgeId":"p-2","needRef":"nr_b","amount":null,"currency":null,
                       "pledgedAt":"2026-12-05T08:00:00Z","stage":"pledged","daysInStage":2,
                       "donationId":null},
                      {"pledgeId":"3f8a0a5e-4bd6-4b8e-9a43-0c1d2e3f4a5b","needRef":"nr_a",
                       "amount":400000.0,"currency":"IRR","pledgedAt":"2026-12-04T19:30:00.123Z",
                       "stage":"delivered","daysInStage":3,"donationId":"D3"}]}""";

  private static final String NOT_FOUND =
      """
      {"type":"https://rishe.org/problems/not-found","title":"Not Found","status":404,
       "detail":"no donation with this id that this key may see; check the donation id on the receipt",
       "instance":"/api/v1/donations/D9/journey"}""";

  @Override
  void answer(HttpExchange exchange, String request) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    if (path.equals("/api/v1/needs")) {
      FakeApi.answer(exchange, query.contains("cursor=p2") ? LAST_PAGE : FIRST_PAGE);
    } else if (path.equals("/api/v1/needs/nr_a")) {
      FakeApi.answer(exchange, NEED);
    } else if (path.equals("/api/v1/needs/nr_a/pledges")) {
      if (request.contains("\"amount\":700000.0")) {
        FakeApi.answer(exchange, 409, "application/problem+json", FULL, Map.of());
      } else {
        // a request with a key an earlier request carried is a retry
        boolean again =
            requests.stream()
                    .filter(r -> r.contains("Idempotency-Key=") && r.equals(request))
                    .count()
                > 1;
        FakeApi.answer(
            exchange,
            201,
            "application/json",
            PLEDGE,
            again ? Map.of("Idempotent-Replayed", "true") : Map.of());
      }
    } else if (path.equals("/api/v1/me/donations")) {
      FakeApi.answer(exchange, GIVING);
    } else if (path.equals("/api/v1/donations/D3/journey")) {
      FakeApi.answer(exchange, JOURNEY);
    } else {
      FakeApi.answer(exchange, 404, "application/problem+json", NOT_FOUND, Map.of());
    }
  }

  @Test
  void theNeedsBoardIsReadWholeWithItsFilters() {
    NeedsBoard board =
        client.needs(
            NeedsFilter.ALL
                .withKind("school_fees")
                .withRegion("R01")
                .withAmounts("IRR", 500_000.0, 2_500_000.5)
                .withLang("fa"));

    assertThat(board.run()).isEqualTo("run-1");
    assertThat(board.minGroupSize()).isEqualTo(11);
    assertThat(board.needs()).extracting(Need::needRef).containsExactly("nr_a", "nr_b");
    Need first = board.needs().get(0);
    assertThat(first.open()).isTrue();
    assertThat(first.amount()).isEqualTo(1_000_000.0);
    assertThat(first.ageBand()).isEqualTo("10-14");
    Need whole = board.needs().get(1);
    assertThat(whole.open()).isFalse();
    assertThat(whole.amount()).isNull();
    assertThat(whole.program()).isNull();
    assertThat(requests)
        .containsExactly(
            "GET /api/v1/needs?kind=school_fees&region=R01&currency=IRR&minAmount=500000"
                + "&maxAmount=2500000.5&lang=fa&limit=1000",
            "GET /api/v1/needs?kind=school_fees&region=R01&currency=IRR&minAmount=500000"
                + "&maxAmount=2500000.5&lang=fa&limit=1000&cursor=p2");
  }

  @Test
  void oneNeedIsReadByItsReferenceInTheAskedLanguage() {
    Need need = client.need("nr_a", "fa");

    assertThat(need.kindLabel()).isEqualTo("شهریه مدرسه");
    assertThat(need.sex()).isNull();
    assertThat(client.needs().needs()).hasSize(2);
    assertThat(requests.get(0)).isEqualTo("GET /api/v1/needs/nr_a?lang=fa");
    assertThat(requests.get(1)).isEqualTo("GET /api/v1/needs?limit=1000");
  }

  @Test
  void aPledgeSendsItsIdempotencyKeyAndARetryReadsAsReplayed() {
    PledgeReceipt first = client.pledge("nr_a", 400_000.0, "IRR", "k-1");
    PledgeReceipt retried = client.pledge("nr_a", 400_000.0, "IRR", "k-1");
    PledgeReceipt whole = client.pledge("nr_a", null, null);

    assertThat(first)
        .isEqualTo(
            new PledgeReceipt(
                "3f8a0a5e-4bd6-4b8e-9a43-0c1d2e3f4a5b",
                "nr_a",
                400_000.0,
                "IRR",
                "2026-12-04T19:30:00.123Z",
                "k-1",
                false));
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.pledgeId()).isEqualTo(first.pledgeId());
    assertThat(whole.replayed()).isFalse();
    assertThat(requests.get(0))
        .isEqualTo(
            "POST /api/v1/needs/nr_a/pledges Idempotency-Key=k-1 Content-Type=application/json"
                + " {\"amount\":400000.0,\"currency\":\"IRR\"}");
    // without a key of the caller's, a random one: a retry can send it again
    assertThat(requests.get(2))
        .matches(
            "POST /api/v1/needs/nr_a/pledges Idempotency-Key=[0-9a-f-]{36}"
                + " Content-Type=application/json \\{}");
  }

  @Test
  void aPledgeBeyondTheNeedIsAProblemWithWhatRemains() {
    assertThatThrownBy(() -> client.pledge("nr_a", 700_000.0, "IRR", "k-2"))
        .isInstanceOfSatisfying(
            RisheApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.title()).isEqualTo("Conflict");
              assertThat(e.detail()).contains("at most 600000.0 IRR");
              assertThat(e.extensions())
                  .containsExactly(
                      Map.entry("needRef", "nr_a"),
                      Map.entry("remaining", 600000.0),
                      Map.entry("currency", "IRR"));
              assertThat(e.extension("remaining")).contains(600000.0);
              assertThat(e.extension("type")).isEmpty();
            });
  }

  @Test
  void myDonationsCarryTheirJourneysAndPledgesTheirStage() {
    MyGiving giving = client.myDonations();

    assertThat(giving.run()).isEqualTo("run-1");
    assertThat(giving.donations()).extracting(Journey::donationId).containsExactly("D3", "D1");
    Journey pledged = giving.donations().get(0);
    assertThat(pledged.stages())
        .extracting(Journey.Stage::stage)
        .containsExactly("pledged", "received", "delivered");
    assertThat(pledged.stageGaps().get(0)).isEqualTo(new Journey.Gap("pledged", "received", 1.19));
    assertThat(pledged.needRef()).isEqualTo("nr_a");
    assertThat(pledged.daysToDelivery()).isEqualTo(4);
    assertThat(pledged.pledgeId()).isEqualTo("3f8a0a5e-4bd6-4b8e-9a43-0c1d2e3f4a5b");
    Journey stalled = giving.donations().get(1);
    assertThat(stalled.flagged("stalled")).isTrue();
    assertThat(stalled.daysToDelivery()).isNull();
    assertThat(stalled.programId()).isEqualTo("PRG01");
    assertThat(stalled.pledgedAt()).isNull();
    assertThat(giving.pledges())
        .extracting(MyGiving.PledgeStatus::stage)
        .containsExactly("pledged", "delivered");
    assertThat(giving.pledges().get(0).fulfilled()).isFalse();
    assertThat(giving.pledges().get(0).amount()).isNull();
    assertThat(giving.pledges().get(1).fulfilled()).isTrue();
    assertThat(giving.pledges().get(1).donationId()).isEqualTo("D3");
  }

  @Test
  void aJourneyIsReadByDonationIdAndAnotherIdIsNotFound() {
    assertThat(client.journey("D3").current()).isEqualTo("delivered");
    assertThatThrownBy(() -> client.journey("D9"))
        .isInstanceOfSatisfying(
            RisheApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.detail()).startsWith("no donation with this id");
              assertThat(e.extensions()).isEmpty();
            });
  }
}
