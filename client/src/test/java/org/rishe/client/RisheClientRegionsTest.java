package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link RisheClient#regions} against a fixed answer of the route, in the shape the API serves: a
 * zone holding a region with an outline, and one with a Persian name only; the zone without cases
 * of its own, the region with, the third withheld.
 */
class RisheClientRegionsTest {
  private static final String CATALOGUE =
      """
      {"run":"run-1","regions":[
        {"code":"Z1","nameEn":"North Zone","nameFa":"منطقه شمال","parent":null,"geometry":null,
         "hasData":false},
        {"code":"R01","nameEn":"Capital District","nameFa":"ناحیه پایتخت","parent":"Z1",
         "geometry":{"type":"Polygon","coordinates":[[[50,32],[51,32],[51,33],[50,33],[50,32]]]},
         "hasData":true},
        {"code":"R03","nameEn":null,"nameFa":"کناررود","parent":null,"geometry":null,
         "hasData":null}]}""";

  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** The client's regions from a stub answering the catalogue above. */
  private List<Region> regions() throws IOException {
    try (FakeApi api =
        new FakeApi(
            Map.of(
                "/api/v1/regions",
                exchange -> {
                  requests.add(FakeApi.describe(exchange, "Authorization"));
                  FakeApi.answer(exchange, CATALOGUE);
                }))) {
      return api.client().regions();
    }
  }

  @Test
  void regionsGivesEachRegionsNamesParentAndOutline() throws IOException {
    List<Region> regions = regions();

    assertThat(requests).containsExactly("GET /api/v1/regions Authorization=Bearer rk_a_b");
    assertThat(regions).extracting(Region::code).containsExactly("Z1", "R01", "R03");
    Region capital = regions.get(1);
    assertThat(capital.nameEn()).isEqualTo("Capital District");
    assertThat(capital.nameFa()).isEqualTo("ناحیه پایتخت");
    assertThat(capital.parent()).isEqualTo("Z1");
    assertThat(capital.geometry()).containsEntry("type", "Polygon");
    assertThat(capital.geometry().get("coordinates"))
        .isEqualTo(
            List.of(
                List.of(
                    List.of(50, 32),
                    List.of(51, 32),
                    List.of(51, 33),
                    List.of(50, 33),
                    List.of(50, 32))));
    assertThat(regions.get(0).parent()).isNull();
    assertThat(regions.get(0).geometry()).isNull();
    assertThat(regions).extracting(Region::hasData).containsExactly(false, true, null);
  }

  @Test
  void aNameIsInTheLanguageAskedElseTheOtherElseTheCode() throws IOException {
    List<Region> regions = regions();

    assertThat(regions.get(1).name(true)).isEqualTo("ناحیه پایتخت");
    assertThat(regions.get(1).name(false)).isEqualTo("Capital District");
    assertThat(regions.get(2).name(false)).isEqualTo("کناررود");
    assertThat(new Region("R09", null, null, null, null, null).name(true)).isEqualTo("R09");
  }
}
