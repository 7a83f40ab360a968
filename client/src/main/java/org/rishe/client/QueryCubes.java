package org.rishe.client;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /query/cubes}: the measures {@code POST /query} serves, each with its dimensions and
 * the values they take in the served run (the values a filter may name), and k ({@code minCell}):
 * no served count is from 1 to k-1.
 */
public record QueryCubes(String runId, int minCell, List<Cube> cubes) {
  public QueryCubes {
    cubes = cubes == null ? List.of() : List.copyOf(cubes);
  }

  /** The cube of one measure ({@code cases}, {@code people}, {@code participants}), if served. */
  public Optional<Cube> cube(String measure) {
    return cubes.stream().filter(cube -> cube.measure().equals(measure)).findFirst();
  }

  /** One measure and its dimensions, in order. */
  public record Cube(String measure, List<Dimension> dimensions) {
    public Cube {
      dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    /** The values of one dimension, or an empty list when the cube has no such dimension. */
    public List<String> values(String dimension) {
      return dimensions.stream()
          .filter(candidate -> candidate.name().equals(dimension))
          .findFirst()
          .map(Dimension::values)
          .orElse(List.of());
    }
  }

  /** A dimension and its values, sorted. */
  public record Dimension(String name, List<String> values) {
    public Dimension {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }
}
