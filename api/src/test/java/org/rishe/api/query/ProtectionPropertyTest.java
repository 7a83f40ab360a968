package org.rishe.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rishe.api.results.Cube;

/**
 * Properties of the protection over many random small cubes (2-4 dimensions of 2-4 values, counts
 * skewed so that many are small, random k), each checked independently of the code under test: true
 * sums are recomputed here from the finest table, and "not recoverable" is proved with exact
 * integer linear algebra over every served cell of every aggregation. Seeded: a failure names the
 * seed of its cube, and {@link #check(long)} replays it alone.
 */
class ProtectionPropertyTest {
  private static final int CUBES = 400;

  /** A random cube: its dimension domains (as the test sees them) and finest counts. */
  private record RandomCube(long seed, int k, List<List<String>> domains, Cube cube) {}

  private static RandomCube randomCube(long seed) {
    Random random = new Random(seed);
    int dimensions = 2 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < dimensions; i++) {
      names.add("d" + i);
      sizes.add(2 + random.nextInt(3));
    }
    int k = 2 + random.nextInt(14);
    List<Cube.Cell> cells = new ArrayList<>();
    List<List<String>> seen = new ArrayList<>();
    for (int i = 0; i < dimensions; i++) {
      seen.add(new ArrayList<>());
    }
    int finest = sizes.stream().reduce(1, (x, y) -> x * y);
    for (int cell = 0; cell < finest; cell++) {
      List<String> values = new ArrayList<>();
      int rest = cell;
      for (int i = dimensions - 1; i >= 0; i--) {
        values.add(0, "v" + rest % sizes.get(i));
        rest /= sizes.get(i);
      }
      long count = skewedCount(random, k);
      if (count > 0) {
        cells.add(new Cube.Cell(values, count));
      }
    }
    List<List<String>> domains = new ArrayList<>();
    for (int i = 0; i < dimensions; i++) {
      TreeSet<String> domain = new TreeSet<>();
      for (Cube.Cell cell : cells) {
        domain.add(cell.values().get(i));
      }
      domains.add(List.copyOf(domain));
    }
    return new RandomCube(seed, k, domains, new Cube("cases", names, cells));
  }

  /** A third zero, a third from 1 to k-1, a third from k to 6k. */
  private static long skewedCount(Random random, int k) {
    return switch (random.nextInt(3)) {
      case 0 -> 0;
      case 1 -> 1 + random.nextInt(k - 1);
      default -> k + random.nextInt(5 * k + 1);
    };
  }

  /** Every finest cell (one value per dimension) of the domains, in a fixed order. */
  private static List<List<String>> finestCells(List<List<String>> domains) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(List.of());
    for (List<String> domain : domains) {
      List<List<String>> longer = new ArrayList<>();
      for (List<String> prefix : cells) {
        for (String value : domain) {
          List<String> cell = new ArrayList<>(prefix);
          cell.add(value);
          longer.add(cell);
        }
      }
      cells = longer;
    }
    return cells;
  }

  /** 1 for each finest cell a lattice cell sums over (its null values are summed dimensions). */
  private static int[] indicator(List<String> cell, List<List<String>> finest) {
    int[] row = new int[finest.size()];
    for (int f = 0; f < finest.size(); f++) {
      boolean below = true;
      for (int i = 0; i < cell.size() && below; i++) {
        below = cell.get(i) == null || cell.get(i).equals(finest.get(f).get(i));
      }
      row[f] = below ? 1 : 0;
    }
    return row;
  }

  private static long trueSum(List<String> cell, RandomCube random) {
    long sum = 0;
    for (Cube.Cell finest : random.cube().cells()) {
      boolean below = true;
      for (int i = 0; i < cell.size() && below; i++) {
        below = cell.get(i) == null || cell.get(i).equals(finest.values().get(i));
      }
      sum += below ? finest.count() : 0;
    }
    return sum;
  }

  /** Checks the three properties on one cube; returns how many suppressed cells it proved. */
  private static int check(long seed) {
    RandomCube random = randomCube(seed);
    ProtectedCube cube = ProtectedCube.protect(random.cube(), random.k());
    List<List<String>> finest = finestCells(random.domains());
    ExactRank served = new ExactRank(finest.size());
    List<List<String>> suppressed = new ArrayList<>();
    int expectedCells = 1;
    for (List<String> domain : random.domains()) {
      expectedCells *= domain.size() + 1;
    }
    assertThat(cube.allCells()).as("seed %d: every aggregation", seed).hasSize(expectedCells);
    for (Map.Entry<List<String>, ProtectedCube.Cell> entry : cube.allCells()) {
      ProtectedCube.Cell cell = entry.getValue();
      if (cell.suppressed()) {
        assertThat(cell.value()).as("seed %d: %s", seed, entry.getKey()).isNull();
        suppressed.add(entry.getKey());
      } else {
        // (a) no served count from 1 to k-1; (c) every served count is the true sum
        assertThat(cell.value())
            .as("seed %d k %d: cell %s", seed, random.k(), entry.getKey())
            .isNotNull()
            .isEqualTo(trueSum(entry.getKey(), random))
            .satisfiesAnyOf(
                v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(random.k()));
        served.add(indicator(entry.getKey(), finest));
      }
    }
    // (b) no suppressed cell is a linear combination of the served ones: rank([A; b]) > rank(A)
    for (List<String> cell : suppressed) {
      assertThat(served.inSpan(indicator(cell, finest)))
          .as(
              "seed %d k %d: suppressed cell %s is recoverable from the served cells",
              seed, random.k(), cell)
          .isFalse();
    }
    return suppressed.size();
  }

  @Test
  void noServedCountIsSmallEveryServedCountIsTrueAndNoSuppressedCellIsRecoverable() {
    int proved = 0;
    int withPrimaries = 0;
    for (long seed = 1; seed <= CUBES; seed++) {
      int suppressed = check(20261129L * 1000 + seed);
      proved += suppressed;
      withPrimaries += suppressed > 0 ? 1 : 0;
    }
    // the generator must actually exercise the protection, not only trivial cubes
    assertThat(withPrimaries).isGreaterThan(CUBES * 3 / 4);
    assertThat(proved).isGreaterThan(CUBES * 5);
  }

  @Test
  void theExactRankTestCatchesARecoverableCellWhenProtectionIsOnlyPrimary() {
    // guards the checker itself: a 2x2 table with one small cell and every margin served
    // (primary suppression alone) must be reported recoverable
    List<List<String>> domains = List.of(List.of("a", "b"), List.of("x", "y"));
    List<List<String>> finest = finestCells(domains);
    ExactRank served = new ExactRank(finest.size());
    java.util.Arrays.asList(
            java.util.Arrays.asList("a", "y"),
            java.util.Arrays.asList("b", "x"),
            java.util.Arrays.asList("b", "y"),
            java.util.Arrays.asList("a", (String) null))
        .forEach(cell -> served.add(indicator(cell, finest)));

    assertThat(served.inSpan(indicator(List.of("a", "x"), finest))).isTrue();
    assertThat(served.rank()).isEqualTo(4);
  }
}
