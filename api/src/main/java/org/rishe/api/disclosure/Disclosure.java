package org.rishe.api.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Function;
import org.rishe.api.auth.Role;
import org.rishe.api.query.ProtectedCube;
import org.rishe.api.results.PublishedRun;

/**
 * The disclosure-control layer every researcher-visible number passes through: for a caller of a
 * run, the {@link SmallCells} rule, tied to the run's protected lattices so that a count of cases
 * or participants served by any route is one {@code POST /query} serves too. Routes take their rule
 * from here, never build one themselves.
 */
public final class Disclosure {
  private final int k;
  private final Function<PublishedRun, Map<String, ProtectedCube>> lattices;

  /**
   * @param k no count from 1 to k-1 reaches a researcher
   * @param lattices the run's protected lattices by measure, built once per run; empty for a run
   *     published without the cubes
   */
  public Disclosure(int k, Function<PublishedRun, Map<String, ProtectedCube>> lattices) {
    if (k < 2) {
      throw new IllegalArgumentException("the small-cell threshold k must be at least 2, got " + k);
    }
    this.k = k;
    this.lattices = requireNonNull(lattices, "lattices is null");
  }

  /** k. */
  public int k() {
    return k;
  }

  /** The rule for {@code role} reading {@code run}. */
  public SmallCells rule(Role role, PublishedRun run) {
    SmallCells rule = SmallCells.forRole(role, k);
    if (!rule.active()) {
      return rule;
    }
    return rule.over(lattices.apply(run));
  }
}
