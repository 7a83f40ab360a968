package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Leadership's {@code GET /trust} and {@code GET /occasions} against a {@link FakeApi} answering
 * fixed bodies in the shapes docs/api.md gives.
 */
class RisheClientLeadershipTest extends FakeApiTest {
  private static final String TRUST =
      """
      {"run":"run-1","asOf":"2026-12-04T19:30:00Z","rows":[
        {"by":"all","value":null,"pledges":40,"donors":25,"linked":30,"delivered":24,
         "deliveredShare":{"estimate":0.6,"low":0.45,"high":0.74},
         "medianDaysToDelivery":{"estimate":9.0,"low":6.0,"high":14.0},"stalled":3},
        {"by":"region","value":"R02","pledges":4,"donors":4,"linked":3,"delivered":2,
         "deliveredShare":{"estimate":0.5,"low":0.15,"high":0.85},
         "medianDaysToDelivery":null,"stalled":1}]}""";

  private static final String OCCASION =
      """
      {"occasion":"nowruz","name":"Nowruz","calendar":"jalali","occasionYear":1404,"year":2025,
       "startDate":"2025-03-14","endDate":"2025-04-02","days":20,"comparisonDays":112,
       "overlaps":["ramadan"],"measure":"%s","currency":%s,"occasionTotal":120.0,
       "comparisonTotal":300.0,"occasionWeekly":42.0,"comparisonWeekly":18.75,
       "rateRatio":{"estimate":2.24,"low":1.8,"high":2.77},"occasionEvents":120,
       "comparisonEvents":300,"donors":%s,"intervalMethod":"exact conditional Poisson"}""";

  private static final String FIRST_PAGE =
      "{\"run\":\"run-1\",\"method\":\"weekly rate in the occasion's window …\",\"occasions\":["
          + OCCASION.formatted("donations", "null", "null")
          + "],\"nextCursor\":\"p2\"}";

  private static final String LAST_PAGE =
      "{\"run\":\"run-1\",\"method\":\"weekly rate in the occasion's window …\",\"occasions\":["
          + OCCASION
              .formatted("amount", "\"IRR\"", "57")
              .replace(
                  "\"rateRatio\":{\"estimate\":2.24,\"low\":1.8,\"high\":2.77}",
                  "\"rateRatio\":{\"estimate\":null,\"low\":null,\"high\":null}")
          + "],\"nextCursor\":null}";

  @Override
  void answer(HttpExchange exchange, String request) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    if (exchange.getRequestURI().getPath().equals("/api/v1/trust")) {
      FakeApi.answer(exchange, TRUST);
    } else {
      FakeApi.answer(exchange, query.contains("cursor=p2") ? LAST_PAGE : FIRST_PAGE);
    }
  }

  @Test
  void trustRowsCarryTheShareDeliveredAndTheMedianWithTheirIntervals() {
    Trust trust = client.trust();

    assertThat(trust.asOf()).isEqualTo("2026-12-04T19:30:00Z");
    Trust.Row all = trust.overall().orElseThrow();
    assertThat(all.value()).isNull();
    assertThat(all.pledges()).isEqualTo(40);
    assertThat(all.deliveredShare()).isEqualTo(new Estimate(0.6, 0.45, 0.74));
    assertThat(all.medianDaysToDelivery().whollyAbove(5)).isTrue();
    Trust.Row region = trust.rows().get(1);
    assertThat(region.by()).isEqualTo("region");
    assertThat(region.value()).isEqualTo("R02");
    // below 5 deliveries there is no median
    assertThat(region.medianDaysToDelivery()).isNull();
    assertThat(region.stalled()).isEqualTo(1);
    assertThat(requests).containsExactly("GET /api/v1/trust");
  }

  @Test
  void occasionsAreReadWholeWithTheirFiltersAndRateRatios() {
    Occasions occasions = client.occasions(2025, "nowruz", null, "fa");

    assertThat(occasions.occasions())
        .extracting(Occasions.Occasion::measure)
        .containsExactly("donations", "amount");
    Occasions.Occasion donations = occasions.occasions().get(0);
    assertThat(donations.occasionYear()).isEqualTo(1404);
    assertThat(donations.overlaps()).containsExactly("ramadan");
    assertThat(donations.currency()).isNull();
    assertThat(donations.donors()).isNull();
    assertThat(donations.rateRatio()).isEqualTo(new Estimate(2.24, 1.8, 2.77));
    assertThat(donations.rateRatio().whollyAbove(1)).isTrue();
    Occasions.Occasion amount = occasions.occasions().get(1);
    assertThat(amount.currency()).isEqualTo("IRR");
    assertThat(amount.donors()).isEqualTo(57L);
    assertThat(amount.rateRatio()).isEqualTo(new Estimate(null, null, null));
    assertThat(client.occasions().occasions()).hasSize(2);
    assertThat(requests)
        .containsExactly(
            "GET /api/v1/occasions?year=2025&occasion=nowruz&lang=fa&limit=1000",
            "GET /api/v1/occasions?year=2025&occasion=nowruz&lang=fa&limit=1000&cursor=p2",
            "GET /api/v1/occasions?limit=1000",
            "GET /api/v1/occasions?limit=1000&cursor=p2");
  }
}
