package org.rishe.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rishe.generator.CausalNode.Cause;
import org.rishe.generator.CausalNode.Level;

/**
 * The generator's causal DAG: every node, its logistic model and its true edges, in an order where
 * causes come before their effects. The draws and the truth JSON both read this one table, so the
 * truth cannot drift from what was simulated. Numbers are documented in data-samples/README.md.
 */
public final class CausalModel {
  /** Log-odds shift of region R01..R10 for nodes with a region weight: poorer regions higher. */
  private static final double[] REGION_SHIFT = {
    -0.5, -0.4, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5
  };

  private static final List<CausalNode> NODES =
      List.of(
          family("parent_illiterate", -1.3, 1.0),
          family("parent_unemployed", -1.2, 0.8, cause("parent_illiterate", 0.9)),
          family("parent_addiction", -2.3, 0.0, cause("parent_unemployed", 0.8)),
          family("parent_incarcerated", -2.8, 0.0, cause("parent_addiction", 1.2)),
          family("single_parent", -1.8, 0.0, cause("parent_incarcerated", 1.3)),
          family("undocumented", -2.4, 1.0),
          // household_income is drawn as its exposed state (below 300 million IRR), the amount
          // afterwards, so its edges are exact log odds ratios like every other node's.
          family(
              "household_income",
              -1.0,
              0.0,
              cause("parent_unemployed", 1.3),
              cause("single_parent", 0.7),
              cause("parent_illiterate", 0.5)),
          family("informal_housing", -1.8, 0.8, cause("household_income", 0.9)),
          family(
              "food_insecurity",
              -1.8,
              0.0,
              cause("household_income", 1.3),
              cause("parent_unemployed", 0.6)),
          family(
              "family_conflict",
              -1.9,
              0.0,
              cause("parent_addiction", 1.3),
              cause("single_parent", 0.5)),
          node(
              "out_of_school",
              Level.PERSON,
              -2.4,
              0.0,
              0.12,
              0.0,
              cause("parent_illiterate", 1.1),
              cause("household_income", 0.8),
              cause("undocumented", 1.0)),
          node("learning_difficulty", Level.PERSON, -2.0, 0.0, 0.0, 0.0),
          node(
              "school_absence_days",
              Level.PERSON,
              -1.8,
              0.0,
              0.0,
              0.0,
              cause("family_conflict", 1.0),
              cause("food_insecurity", 0.7)),
          node(
              "peer_delinquency",
              Level.PERSON,
              -2.0,
              0.0,
              0.10,
              0.0,
              cause("out_of_school", 0.9),
              cause("informal_housing", 0.6)),
          node("chronic_illness", Level.PERSON, -2.4, 0.0, 0.0, 0.0, cause("food_insecurity", 1.2)),
          node("disability", Level.PERSON, -2.8, 0.0, 0.0, 0.0),
          node(
              "child_labour",
              Level.PROBLEM,
              -2.9,
              0.3,
              0.12,
              -0.3,
              cause("household_income", 1.0),
              cause("parent_unemployed", 0.8),
              cause("single_parent", 0.7)),
          node("malnutrition", Level.PROBLEM, -3.2, 0.0, -0.10, 0.0, cause("food_insecurity", 1.3)),
          node(
              "domestic_violence",
              Level.PROBLEM,
              -3.0,
              0.0,
              0.0,
              0.0,
              cause("family_conflict", 1.3),
              cause("parent_addiction", 0.8)),
          node(
              "street_work",
              Level.PROBLEM,
              -3.4,
              0.3,
              0.0,
              0.0,
              cause("informal_housing", 1.1),
              cause("child_labour", 1.0),
              cause("undocumented", 0.7)),
          node(
              "school_dropout",
              Level.PROBLEM,
              -3.0,
              0.0,
              0.12,
              0.0,
              cause("child_labour", 1.2),
              cause("school_absence_days", 1.0)),
          node(
              "delinquency",
              Level.PROBLEM,
              -3.4,
              0.0,
              0.15,
              -0.6,
              cause("school_dropout", 1.1),
              cause("peer_delinquency", 1.2),
              cause("out_of_school", 0.9)),
          node(
              "substance_use",
              Level.PROBLEM,
              -3.8,
              0.0,
              0.20,
              -0.4,
              cause("parent_addiction", 1.0),
              cause("delinquency", 1.1),
              cause("peer_delinquency", 0.8)),
          node(
              "child_marriage",
              Level.PROBLEM,
              -4.2,
              0.0,
              0.25,
              1.5,
              cause("school_dropout", 1.0),
              cause("household_income", 0.9),
              cause("undocumented", 0.8)));

  private static final Map<String, Integer> INDEX = new HashMap<>();
  private static final int[][] PARENTS = new int[NODES.size()][];
  private static final double[][] LOG_ODDS = new double[NODES.size()][];

  static {
    for (int i = 0; i < NODES.size(); i++) {
      INDEX.put(NODES.get(i).code(), i);
    }
    for (int i = 0; i < NODES.size(); i++) {
      List<Cause> causes = NODES.get(i).causes();
      PARENTS[i] = new int[causes.size()];
      LOG_ODDS[i] = new double[causes.size()];
      for (int c = 0; c < causes.size(); c++) {
        Integer parent = INDEX.get(causes.get(c).code());
        if (parent == null || parent >= i) {
          throw new IllegalStateException(
              "causal model lists " + causes.get(c).code() + " after its effect " + i);
        }
        PARENTS[i][c] = parent;
        LOG_ODDS[i][c] = causes.get(c).logOdds();
      }
    }
  }

  private CausalModel() {}

  public static List<CausalNode> nodes() {
    return NODES;
  }

  public static int size() {
    return NODES.size();
  }

  public static int index(String code) {
    Integer index = INDEX.get(code);
    if (index == null) {
      throw new IllegalArgumentException("the causal model has no node " + code);
    }
    return index;
  }

  public static double regionShift(int region) {
    return REGION_SHIFT[region];
  }

  /** The parents of node {@code index}, as node indexes. */
  static int[] parents(int index) {
    return PARENTS[index];
  }

  /**
   * Draws node {@code index} into {@code state}, whose earlier entries must already be drawn, with
   * {@code extra} added to the log-odds (a family's frailty; 0 for none). Consumes exactly one
   * uniform number whatever the parents, so two draws of one person that differ only in an
   * intervened node stay on common random numbers.
   *
   * @param ageCentered age at registration minus 11; 0 for family nodes
   */
  static void draw(
      int index,
      boolean[] state,
      SplittableRandom random,
      int region,
      double ageCentered,
      boolean female,
      double extra) {
    CausalNode node = NODES.get(index);
    double logit =
        extra
            + node.intercept()
            + node.regionWeight() * REGION_SHIFT[region]
            + node.ageSlope() * ageCentered
            + (female ? node.femaleShift() : 0.0);
    int[] parents = PARENTS[index];
    for (int c = 0; c < parents.length; c++) {
      if (state[parents[c]]) {
        logit += LOG_ODDS[index][c];
      }
    }
    state[index] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-logit));
  }

  /** Indexes of the nodes at one level, in draw order. */
  static int[] indexesAt(Level level) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < NODES.size(); i++) {
      if (NODES.get(i).level() == level) {
        found.add(i);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  private static CausalNode family(String code, double intercept, double region, Cause... causes) {
    return node(code, Level.FAMILY, intercept, region, 0.0, 0.0, causes);
  }

  private static CausalNode node(
      String code,
      Level level,
      double intercept,
      double region,
      double age,
      double female,
      Cause... causes) {
    return new CausalNode(code, level, intercept, region, age, female, List.of(causes));
  }

  private static Cause cause(String code, double logOdds) {
    return new Cause(code, logOdds);
  }
}
