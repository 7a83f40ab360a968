package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.causal.KeyNumbering;

/**
 * Some patterns of a {@link DiscreteData} (the "units", e.g. those where a root is known) grouped
 * by their codes of a few variables, with each group's weights summed. A model that reads only
 * those variables sees every pattern of a group as the same row, so it can be fitted on one row per
 * group, weighted by the group's people: exact for a frequency-weighted likelihood, and for a
 * sandwich variance that sums weight times squared influence. Over the sixty or so variables of the
 * causal graph few people share a pattern, but a model reads a few dozen at most: at 100,000
 * families its groups number about a third of the patterns.
 *
 * <p>Groups are numbered in the order of their first unit, and a group's representative is that
 * first unit, so the grouping does not depend on anything but the data.
 */
final class PatternGroups {
  private final DiscreteData data;
  private final int[] units;
  private final int[] variables;
  private final int[] groupOfUnit;
  // Per group, the position in units of its first unit.
  private final int[] representatives;
  private final double[] weights;
  // Per variable read (same order as variables), each group's code.
  private final byte[][] codes;

  private PatternGroups(
      DiscreteData data,
      int[] units,
      int[] variables,
      int[] groupOfUnit,
      int[] representatives,
      double[] weights) {
    this.data = data;
    this.units = units;
    this.variables = variables;
    this.groupOfUnit = groupOfUnit;
    this.representatives = representatives;
    this.weights = weights;
    // Representatives ascend (groups are numbered by their first unit), so each column of the
    // data is read in order.
    this.codes = new byte[variables.length][representatives.length];
    for (int position = 0; position < variables.length; position++) {
      byte[] column = codes[position];
      for (int group = 0; group < representatives.length; group++) {
        column[group] = (byte) data.code(units[representatives[group]], variables[position]);
      }
    }
  }

  /**
   * Groups the patterns {@code units} (indices into {@code data}, ascending; kept, not copied) by
   * their codes of {@code variables}.
   */
  static PatternGroups of(DiscreteData data, int[] units, int[] variables) {
    requireNonNull(data, "data is null");
    for (int unit : units) {
      if (unit < 0 || unit >= data.patternCount()) {
        throw new IllegalArgumentException(
            "pattern %d is outside 0..%d".formatted(unit, data.patternCount() - 1));
      }
    }
    int[] distinct = Arrays.stream(variables).distinct().toArray();
    checkVariables(data, distinct);
    return group(data, units, distinct, new long[units.length], 1, distinct);
  }

  /**
   * The same units grouped by these variables and {@code more} as well: each group of the result
   * lies within one group of this.
   */
  PatternGroups refine(int[] more) {
    int[] added = Arrays.stream(more).distinct().filter(variable -> !reads(variable)).toArray();
    if (added.length == 0) {
      return this;
    }
    checkVariables(data, added);
    long[] keys = new long[units.length];
    for (int unit = 0; unit < units.length; unit++) {
      keys[unit] = groupOfUnit[unit];
    }
    int[] all = Arrays.copyOf(variables, variables.length + added.length);
    System.arraycopy(added, 0, all, variables.length, added.length);
    return group(data, units, all, keys, representatives.length, added);
  }

  private static void checkVariables(DiscreteData data, int[] variables) {
    for (int variable : variables) {
      if (variable < 0 || variable >= data.variableCount()) {
        throw new IllegalArgumentException(
            "variable %d is outside 0..%d".formatted(variable, data.variableCount() - 1));
      }
    }
  }

  /**
   * Groups the units by their keys extended with the codes of {@code added}: {@code keys} hold each
   * unit's key so far, below {@code range}. Each variable multiplies the key by its cardinality and
   * adds the unit's code (mixed radix); before that would overflow, the keys are renumbered
   * densely, which keeps them below the number of units.
   */
  private static PatternGroups group(
      DiscreteData data, int[] units, int[] variables, long[] keys, long range, int[] added) {
    int[] ids = new int[units.length];
    long keyRange = range;
    for (int variable : added) {
      int cardinality = data.cardinality(variable);
      if (keyRange > Long.MAX_VALUE / cardinality) {
        keyRange = KeyNumbering.number(keys, ids);
        for (int unit = 0; unit < units.length; unit++) {
          keys[unit] = ids[unit];
        }
      }
      for (int unit = 0; unit < units.length; unit++) {
        keys[unit] = keys[unit] * cardinality + data.code(units[unit], variable);
      }
      keyRange *= cardinality;
    }
    int count = KeyNumbering.number(keys, ids);
    int[] representatives = new int[count];
    double[] weights = new double[count];
    int seen = 0;
    for (int unit = 0; unit < units.length; unit++) {
      int group = ids[unit];
      if (group == seen) {
        representatives[seen++] = unit;
      }
      weights[group] += data.weight(units[unit]);
    }
    return new PatternGroups(data, units, variables, ids, representatives, weights);
  }

  DiscreteData data() {
    return data;
  }

  /** How many groups there are. */
  int size() {
    return representatives.length;
  }

  /** Each group's summed weight (its people). Not a copy: callers must not change it. */
  double[] weights() {
    return weights;
  }

  /**
   * Each group's code of {@code variable}, one of the variables the units are grouped by. Not a
   * copy: callers must not change it.
   */
  byte[] codes(int variable) {
    for (int position = 0; position < variables.length; position++) {
      if (variables[position] == variable) {
        return codes[position];
      }
    }
    throw new IllegalArgumentException(
        "variable %d is not one the patterns are grouped by".formatted(variable));
  }

  /** The weight of all units. */
  double totalWeight() {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    return total;
  }

  /** The variables the units are grouped by (a copy). */
  int[] variables() {
    return variables.clone();
  }

  /** Whether the units are grouped by {@code variable}. */
  boolean reads(int variable) {
    for (int read : variables) {
      if (read == variable) {
        return true;
      }
    }
    return false;
  }

  /**
   * For each group, the group of {@code coarser} that holds it: these groups must split {@code
   * coarser}'s ({@link #refines}).
   */
  int[] groupsIn(PatternGroups coarser) {
    if (!refines(coarser)) {
      throw new IllegalArgumentException(
          "the groups do not split the coarser ones: they must hold the same patterns, grouped by"
              + " every variable the coarser ones are grouped by");
    }
    int[] holders = new int[representatives.length];
    for (int group = 0; group < holders.length; group++) {
      holders[group] = coarser.groupOfUnit[representatives[group]];
    }
    return holders;
  }

  /**
   * Whether these groups split {@code coarser}'s: the same units of the same data, grouped by every
   * variable {@code coarser} is grouped by (and perhaps more).
   */
  boolean refines(PatternGroups coarser) {
    if (data != coarser.data || !Arrays.equals(units, coarser.units)) {
      return false;
    }
    for (int variable : coarser.variables) {
      if (!reads(variable)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the indicator "{@code variable} has code {@code level}" takes one value over every unit
   * (vacuously so when there are none). The variable must be one the units are grouped by.
   */
  boolean isConstant(int variable, int level) {
    byte[] column = codes(variable);
    if (column.length == 0) {
      return true;
    }
    boolean first = column[0] == level;
    for (int group = 1; group < column.length; group++) {
      if ((column[group] == level) != first) {
        return false;
      }
    }
    return true;
  }
}
