package org.rishe.common.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a region's outline, a GeoJSON geometry object (RFC 7946): a {@code Polygon} or {@code
 * MultiPolygon} whose rings are closed lists of at least four [longitude, latitude] positions in
 * degrees. Only shapes a choropleth can draw are accepted, so that the dashboard never receives an
 * outline it cannot show; the check is structural (a self-crossing ring passes).
 */
final class Geometry {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Geometry() {}

  /** The geometry as compact JSON text, or empty when it is not an accepted outline. */
  static Optional<String> compact(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    JsonNode coordinates = node.get("coordinates");
    boolean valid =
        switch (node.path("type").asText()) {
          case "Polygon" -> polygon(coordinates);
          case "MultiPolygon" -> multiPolygon(coordinates);
          default -> false;
        };
    return valid ? Optional.of(node.toString()) : Optional.empty();
  }

  private static boolean multiPolygon(JsonNode polygons) {
    return nonEmptyArrayOf(polygons, Geometry::polygon);
  }

  private static boolean polygon(JsonNode rings) {
    return nonEmptyArrayOf(rings, Geometry::ring);
  }

  /** Whether the node is an array with at least one element and every element passes. */
  private static boolean nonEmptyArrayOf(JsonNode node, Predicate<JsonNode> each) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode element : node) {
      if (!each.test(element)) {
        return false;
      }
    }
    return true;
  }

  /** A closed ring: at least four positions, the last equal to the first. */
  private static boolean ring(JsonNode ring) {
    if (!ring.isArray() || ring.size() < 4) {
      return false;
    }
    for (JsonNode position : ring) {
      if (!position(position)) {
        return false;
      }
    }
    return ring.get(0).equals(ring.get(ring.size() - 1));
  }

  private static boolean position(JsonNode position) {
    if (!position.isArray() || position.size() < 2) {
      return false;
    }
    for (JsonNode coordinate : position) {
      if (!coordinate.isNumber() || !Double.isFinite(coordinate.asDouble())) {
        return false;
      }
    }
    double longitude = position.get(0).asDouble();
    double latitude = position.get(1).asDouble();
    return longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90;
  }
}
