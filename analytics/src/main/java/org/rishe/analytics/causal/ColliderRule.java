package org.rishe.analytics.causal;

/** How PC decides whether an unshielded triple x - y - z is a collider x -> y <- z. */
public enum ColliderRule {
  /**
   * A collider when y is in none of the separating sets the skeleton search found for x and z (the
   * original PC rule).
   */
  SEPARATING_SET,
  /**
   * Conservative PC (Ramsey, Zhang &amp; Spirtes 2006): x and z are tested again given every subset
   * of the neighbours of x and of the neighbours of z (up to the depth limit). A collider when y is
   * in none of the sets that separate them, not a collider when it is in all of them, and ambiguous
   * when it is in some: an ambiguous triple is left unoriented and Meek's first rule does not
   * orient through it. One erroneous independence (a weak path missed by one test) then leaves an
   * edge undirected instead of turning it round. When no such set separates x and z, the original
   * rule decides.
   */
  CONSERVATIVE
}
