package org.rishe.analytics.causal;

/**
 * How PC resolves two unshielded colliders that want opposite directions on one edge. In both rules
 * the first collider oriented wins and a later one that would reverse it is skipped; they differ in
 * which collider goes first.
 */
public enum ColliderConflict {
  /** In node order (causal-learn's {@code uc_priority=2}). */
  NODE_ORDER,
  /**
   * Strongest evidence first: ascending by the largest p-value of x and z given any set holding the
   * middle node (causal-learn's {@code uc_priority=3}, used for the published reference graphs).
   */
  STRONGEST_FIRST
}
