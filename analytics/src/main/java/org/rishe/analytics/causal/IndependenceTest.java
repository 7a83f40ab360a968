package org.rishe.analytics.causal;

/**
 * A test of conditional independence between two variables given a set of others, by index. PC
 * treats a p-value above its alpha as independence.
 */
public interface IndependenceTest {
  /** The number of variables the test knows about. */
  int variableCount();

  /** The p-value of the hypothesis that x and y are independent given the conditioning set. */
  double pValue(int x, int y, int[] conditioning);

  /**
   * Hint that tests of {@code anchor} against and given variables within {@code variables} come
   * next, so an implementation may count their joint table once. Ignoring it is correct.
   */
  default void prepare(int anchor, int[] variables) {}

  /** Hint that the tests {@link #prepare} announced for {@code anchor} are done. */
  default void release(int anchor) {}
}
