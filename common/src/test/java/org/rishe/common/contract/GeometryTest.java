package org.rishe.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which region outlines ingest accepts: GeoJSON polygons a map can draw, nothing else. */
class GeometryTest {
  private static final String SQUARE = "[[[50,32],[51,32],[51,33],[50,33],[50,32]]]";

  @Test
  void aPolygonOrMultiPolygonIsKeptAsCompactJson() {
    assertThat(Geometry.compact("{ \"type\": \"Polygon\", \"coordinates\": " + SQUARE + " }"))
        .contains("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}");
    assertThat(
            Geometry.compact(
                "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "," + SQUARE + "]}"))
        .isPresent();
  }

  @Test
  void anythingElseIsRefused() {
    assertThat(Geometry.compact("not json")).isEmpty();
    assertThat(Geometry.compact("[1,2]")).isEmpty();
    assertThat(Geometry.compact("{\"type\":\"Point\",\"coordinates\":[50,32]}")).isEmpty();
    assertThat(Geometry.compact("{\"type\":\"Polygon\"}")).isEmpty();
    assertThat(Geometry.compact("{\"type\":\"Polygon\",\"coordinates\":[]}")).isEmpty();
    // open ring, too few positions, latitude out of range, a coordinate that is text
    assertThat(
            Geometry.compact(
                "{\"type\":\"Polygon\",\"coordinates\":[[[50,32],[51,32],[51,33],[50,33]]]}"))
        .isEmpty();
    assertThat(
            Geometry.compact("{\"type\":\"Polygon\",\"coordinates\":[[[50,32],[51,32],[50,32]]]}"))
        .isEmpty();
    assertThat(
            Geometry.compact(
                "{\"type\":\"Polygon\",\"coordinates\":[[[50,32],[51,95],[51,33],[50,32]]]}"))
        .isEmpty();
    assertThat(
            Geometry.compact(
                "{\"type\":\"Polygon\",\"coordinates\":[[[50,32],[\"51\",32],[51,33],[50,32]]]}"))
        .isEmpty();
  }
}
