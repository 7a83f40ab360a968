package org.rishe.api.disclosure;

import org.rishe.api.auth.Role;

/**
 * The one small-cell rule of the API: a researcher never sees a count of people from 1 to k-1 (zero
 * is shown: an empty cell identifies nobody), nor any number served beside a withheld count from
 * which it would follow. Every other role sees every count. Controllers ask this class, never
 * compare with k themselves; docs/api.md ("Small cells for researchers") lists what each route
 * withholds.
 */
public final class SmallCells {
  private static final SmallCells NONE = new SmallCells(0);

  private final int threshold;

  private SmallCells(int threshold) {
    this.threshold = threshold;
  }

  /** The rule for a caller: k for researchers, nothing hidden for the charity's own roles. */
  public static SmallCells forRole(Role role, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("the small-cell threshold k must be at least 2, got " + k);
    }
    return role == Role.RESEARCHER ? new SmallCells(k) : NONE;
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
}
