package org.rishe.api.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rishe.api.auth.Role;
import org.rishe.api.query.ProtectedCube;
import org.rishe.common.results.AgeBands;

/**
 * The one small-cell rule of the API: a researcher never sees a count of people from 1 to k-1 (zero
 * is shown: an empty cell identifies nobody), nor any number served beside a withheld count from
 * which it would follow. Every other role sees every count. Controllers ask this class, never
 * compare with k themselves; docs/api.md ("Small cells for researchers") lists what each route
 * withholds.
 *
 * <p>A count that is also a cell of one of the run's protected lattices (those {@code POST /query}
 * serves from: cases, people, participants) is served only as that lattice serves it ({@link
 * #cases}, {@link #participants}): otherwise a route could serve a cell the lattice withheld as a
 * complement, and the lattice's margins minus that cell would give a small one back.
 */
public final class SmallCells {
  private static final SmallCells NONE = new SmallCells(0, Map.of());

  /** The cubes' {@code age_band} dimension as the API names it. */
  private static final String AGE_BAND = "ageBand";

  private final int threshold;
  private final Map<String, ProtectedCube> lattices;

  private SmallCells(int threshold, Map<String, ProtectedCube> lattices) {
    this.threshold = threshold;
    this.lattices = Map.copyOf(lattices);
  }

  /** The rule for a caller: k for researchers, nothing hidden for the charity's own roles. */
  public static SmallCells forRole(Role role, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("the small-cell threshold k must be at least 2, got " + k);
    }
    return role == Role.RESEARCHER ? new SmallCells(k, Map.of()) : NONE;
  }

  /** This rule, with counts also checked against the run's protected lattices, by measure. */
  public SmallCells over(Map<String, ProtectedCube> lattices) {
    return active() ? new SmallCells(threshold, lattices) : this;
  }

  /** Whether this rule hides anything at all. */
  public boolean active() {
    return threshold > 0;
  }

  /** k, or 0 when nothing is hidden. */
  public int threshold() {
    return threshold;
  }

  /** Whether the count is from 1 to k-1. */
  public boolean isSmall(long count) {
    return count > 0 && count < threshold;
  }

  /** Whether any of the counts is from 1 to k-1. */
  public boolean anySmall(long... counts) {
    for (long count : counts) {
      if (isSmall(count)) {
        return true;
      }
    }
    return false;
  }

  /** The count as served: null when it is from 1 to k-1. */
  public Long count(long count) {
    return isSmall(count) ? null : count;
  }

  /** The count as served: null when it is null or from 1 to k-1. */
  public Long count(Long count) {
    return count == null || isSmall(count) ? null : count;
  }

  /**
   * A count of cases of {@code problem} in {@code region} and {@code month} (null: all of them) as
   * served: see {@link #lattice}.
   */
  public Long cases(long count, String problem, String region, String month) {
    Map<String, String> cell = problemCell(problem, region);
    if (month != null) {
      cell.put("month", month);
    }
    return lattice("cases", count, cell);
  }

  /** The cases lattice's cell of {@code problem} in {@code region} (null: all regions). */
  private static Map<String, String> problemCell(String problem, String region) {
    Map<String, String> cell = new HashMap<>();
    cell.put("problem", problem);
    if (region != null) {
      cell.put("region", region);
    }
    return cell;
  }

  /**
   * All the cases of {@code region} (every problem and month) as served: see {@link #lattice}. A
   * region the run's cases never name has nobody in it.
   */
  public Long regionCases(long count, String region) {
    return lattice("cases", count, Map.of("region", region));
  }

  /** A programme's participants (everyone ever enrolled) as served: see {@link #lattice}. */
  public Long participants(long count, String program) {
    return lattice("participants", count, Map.of("program", program));
  }

  /**
   * A count of people in scope ({@code population}) in {@code region} (null: all regions), counted
   * over fewer people than the people lattice's cell (an age range): as served, see {@link
   * #within}.
   */
  public Long peopleWithin(long count, String region, Collection<String> bandsOutside) {
    Map<String, String> cell = new HashMap<>();
    if (region != null) {
      cell.put("region", region);
    }
    return within("people", count, cell, bandsOutside);
  }

  /**
   * A count of people in scope with a case of {@code problem} in {@code region} (null: all
   * regions), inside the cases lattice's cell of their case records: as served, see {@link
   * #within}.
   */
  public Long casesWithin(
      long count, String problem, String region, Collection<String> bandsOutside) {
    return within("cases", count, problemCell(problem, region), bandsOutside);
  }

  /**
   * A count of a narrower scope than the cell {@code cell} of the run's {@code measure} lattice
   * (the dimensions not named summed over): part of its people, or people where the lattice counts
   * their records. As served: null when it is from 1 to k-1, and, when the run has that lattice,
   * unless the lattice serves the enclosing cell and the count is at most that cell's. Then the
   * count is subtracted as a researcher would, with the cell's age bands the lattice serves: the
   * cell less the count, less any sum of the served bands in {@code bandsOutside} (those the
   * count's scope leaves out, wholly or in part); and, when every band inside the scope is served,
   * their sum, plus any sum of the served bands outside, less the count. Each must be 0 or at least
   * k. Otherwise the lattice and this count would give a group of 1 to k-1 back: the cases of
   * people without a birth date, whom an age range leaves out, or children's second cases. What
   * stays unchecked mixes withheld cells with records no lattice cell holds apart (a case opened
   * after the child turned 18 lies in the band {@code 18+} though the child is in scope).
   */
  public Long within(
      String measure, long count, Map<String, String> cell, Collection<String> bandsOutside) {
    return served(measure, count, cell, bandsOutside, false);
  }

  /**
   * The count as {@link #within} or, when {@code exact}, {@link #lattice} serves it: the rule and
   * the lattice's enclosing cell are checked alike, then the difference is required to be 0, or to
   * leave no small remainder.
   */
  private Long served(
      String measure,
      long count,
      Map<String, String> cell,
      Collection<String> bandsOutside,
      boolean exact) {
    if (!active()) {
      return count;
    }
    if (isSmall(count)) {
      return null;
    }
    ProtectedCube lattice = lattices.get(measure);
    if (lattice == null) {
      return count;
    }
    if (!inDomain(lattice, cell)) {
      // a value the lattice never saw has nobody in it
      return count == 0 ? count : null;
    }
    ProtectedCube.Cell enclosing = lattice.cell(cell);
    if (enclosing.suppressed() || enclosing.value() < count) {
      return null;
    }
    if (exact) {
      return enclosing.value() == count ? count : null;
    }
    long difference = enclosing.value() - count;
    if (isSmall(difference)) {
      return null;
    }
    if (!lattice.dimensions().contains(AGE_BAND)) {
      return count;
    }
    // the cell's age bands as the lattice serves them: those outside the scope (nonzero), and
    // the sum of those inside it when every one is served
    List<Long> outside = new ArrayList<>();
    long inside = 0;
    boolean insideKnown = false;
    boolean insideServed = true;
    for (String band : AgeBands.labels()) {
      Map<String, String> banded = new HashMap<>(cell);
      banded.put(AGE_BAND, band);
      Long value = 0L;
      if (inDomain(lattice, banded)) {
        ProtectedCube.Cell served = lattice.cell(banded);
        value = served.suppressed() ? null : served.value();
      }
      if (bandsOutside.contains(band)) {
        if (value != null && value > 0) {
          outside.add(value);
        }
      } else if (value == null) {
        insideServed = false;
      } else {
        inside += value;
        insideKnown = true;
      }
    }
    for (int subset = 0; subset < 1 << outside.size(); subset++) {
      long bands = 0;
      for (int i = 0; i < outside.size(); i++) {
        if ((subset & 1 << i) != 0) {
          bands += outside.get(i);
        }
      }
      // from above: the cell less the count and served bands outside; from below: the bands
      // inside (and some outside) less the count
      if (isSmall(Math.abs(difference - bands))
          || insideKnown && insideServed && isSmall(Math.abs(inside + bands - count))) {
        return null;
      }
    }
    return count;
  }

  private static boolean inDomain(ProtectedCube lattice, Map<String, String> cell) {
    for (Map.Entry<String, String> value : cell.entrySet()) {
      if (!lattice.dimensions().contains(value.getKey())
          || !lattice.domain(value.getKey()).contains(value.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A count that is the cell {@code cell} of the run's {@code measure} lattice (the dimensions not
   * named summed over), as served: null when it is from 1 to k-1, and, when the run has that
   * protected lattice, unless the lattice serves that very cell with that very value. A count the
   * lattice withholds (a complement) or counts differently is therefore withheld too, and a route
   * never serves a number {@code POST /query} would not.
   */
  private Long lattice(String measure, long count, Map<String, String> cell) {
    return served(measure, count, cell, List.of(), true);
  }
}
