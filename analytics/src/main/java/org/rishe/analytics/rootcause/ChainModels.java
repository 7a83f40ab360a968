package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.DiscreteData;

/**
 * The models of {@link RootCauseChains}: frequency-weighted logistic regressions fitted on the
 * counted patterns the graph was learnt from ({@link DiscreteData}), each on the patterns merged by
 * the variables it reads ({@link PatternGroups}). Two kinds: the outcome model of a problem on a
 * root, the demographics and an adjustment (the path's confounders and mediators), and the
 * propensity model of the root on the demographics and its confounders. {@link
 * InterventionalEffects} combines them.
 */
final class ChainModels {
  private final DiscreteData data;
  private final CausalGraph graph;
  private final Set<String> demographics;

  /** {@code demographics} enter every model as level indicators. */
  ChainModels(DiscreteData data, CausalGraph graph, Set<String> demographics) {
    this.data = requireNonNull(data, "data is null");
    this.graph = requireNonNull(graph, "graph is null");
    this.demographics = Set.copyOf(demographics);
  }

  /** The given patterns grouped by the given variables: the rows of a model reading them. */
  PatternGroups groups(int[] units, int[] variables) {
    return PatternGroups.of(data, units, variables);
  }

  /**
   * The patterns a model of the root {@code focal} is fitted on, ascending: the root known (code 0
   * or 1) and a positive weight.
   */
  int[] units(int focal) {
    int[] units = new int[data.patternCount()];
    int count = 0;
    for (int pattern = 0; pattern < data.patternCount(); pattern++) {
      if (data.code(pattern, focal) <= 1 && data.weight(pattern) > 0) {
        units[count++] = pattern;
      }
    }
    return Arrays.copyOf(units, count);
  }

  /**
   * Of {@code confounders}, those that can be adjusted for: not missing for everybody of one
   * exposure among {@code units}. A question asked only of some children (school absence, of
   * children in school) is missing for every child the root (out_of_school) excludes from it: its
   * missing code then records the root itself, not a cause of it, and adjusting for it would
   * compare the exposures only among the unexposed who happen to be unasked (the overlap would keep
   * nobody else). Such a code is left out of the confounders.
   */
  List<String> adjustable(int[] units, int focal, List<String> confounders) {
    List<String> adjustable = new ArrayList<>();
    for (String name : confounders) {
      int variable = index(name);
      boolean[] asked = new boolean[2];
      for (int unit : units) {
        if (data.code(unit, variable) != CausalGraphTransforms.MISSING) {
          asked[data.code(unit, focal)] = true;
        }
      }
      if (asked[0] && asked[1]) {
        adjustable.add(name);
      }
    }
    return adjustable;
  }

  /**
   * Of {@code units} (ascending), those in the overlap of the root {@code focal} on its {@code
   * confounders}: a person whose code of some confounder nobody exposed (or nobody unexposed) among
   * the units shares has a propensity of 0 (or 1), so no weighting can stand them in for the other
   * exposure and the propensity model's coefficient of that code runs off to infinity. Such people
   * are left out, again until every code left has people of both exposures (leaving some out can
   * empty another code of one exposure). The effects are then those of the people in the overlap,
   * as {@link InterventionalEffects} documents.
   */
  int[] overlapping(int[] units, int focal, int[] confounders) {
    int[] kept = units;
    boolean trimmed = true;
    while (trimmed) {
      trimmed = false;
      for (int variable : confounders) {
        if (variable == focal) {
          continue;
        }
        int cardinality = data.cardinality(variable);
        double[] exposed = new double[cardinality];
        double[] all = new double[cardinality];
        boolean[] held = new boolean[cardinality];
        for (int unit : kept) {
          int code = data.code(unit, variable);
          held[code] = true;
          all[code] += data.weight(unit);
          exposed[code] += data.code(unit, focal) == 1 ? data.weight(unit) : 0;
        }
        // Mostly every code held has both exposures: then nobody leaves, and the units are not
        // read again.
        boolean[] overlaps = new boolean[cardinality];
        boolean trims = false;
        for (int code = 0; code < cardinality; code++) {
          overlaps[code] = exposed[code] > 0 && exposed[code] < all[code];
          trims |= held[code] && !overlaps[code];
        }
        if (trims) {
          int[] left = new int[kept.length];
          int count = 0;
          for (int unit : kept) {
            if (overlaps[data.code(unit, variable)]) {
              left[count++] = unit;
            }
          }
          kept = Arrays.copyOf(left, count);
          trimmed = true;
        }
      }
    }
    return kept;
  }

  /**
   * The variables a model reads, each once: the outcome, the root, the demographics and the
   * adjustment codes. Patterns that agree on them are the same row of the model.
   */
  int[] variablesRead(int outcome, int focal, List<String> adjustment) {
    Set<Integer> variables = new LinkedHashSet<>(List.of(outcome, focal));
    for (int variable = 0; variable < graph.nodeCount(); variable++) {
      if (isDemographic(variable)) {
        variables.add(variable);
      }
    }
    for (String name : adjustment) {
      variables.add(index(name));
    }
    return variables.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The logistic regression of the problem ({@code outcome}) on the root ({@code focal}), every
   * demographic (one indicator per level but the first), each adjustment code (exposed and missing
   * indicators) and, for each of the path's {@code mediators} (among the adjustment codes), the
   * root's interaction with its exposed and missing indicators, over the patterns where the root is
   * known; the root is design column 1. The interactions let the root change how much a mediator
   * matters (and a mediator carry more or less of the root's effect), as the mediational g-formula
   * allows. An interaction column is added only when each of the four combinations of root (exposed
   * or not) and mediator code (that level or another) holds some group, so that it cannot equal the
   * intercept, the root's column or the code's own; where the model with interactions cannot be
   * fitted all the same (separation in a small cell, or further collinearity) the main-effects
   * model is fitted instead. Empty when that fails too. It is fitted on {@code groups}, which must
   * group the root-known patterns by (at least) the variables the model reads: each group is one
   * row, weighted by its people. That is exact: the frequency-weighted likelihood only sums weight
   * times each pattern's term, equal across a group.
   */
  Optional<Model> fit(
      int outcome,
      int focal,
      List<String> adjustment,
      List<String> mediators,
      PatternGroups groups) {
    if (!mediators.isEmpty()) {
      Optional<Model> interacting = fit(outcome, focal, true, adjustment, mediators, groups);
      if (interacting.isPresent()) {
        return interacting;
      }
    }
    return fit(outcome, focal, true, adjustment, List.of(), groups);
  }

  /**
   * The propensity model: the logistic regression of the root ({@code focal}, known) on every
   * demographic and each adjustment code, fitted like {@link #fit} on {@code groups}.
   */
  Optional<Model> fitPropensity(int focal, List<String> adjustment, PatternGroups groups) {
    return fit(focal, focal, false, adjustment, List.of(), groups);
  }

  private Optional<Model> fit(
      int outcome,
      int focal,
      boolean rootColumn,
      List<String> adjustment,
      List<String> mediators,
      PatternGroups groups) {
    List<int[]> levels = new ArrayList<>();
    for (int variable = 0; variable < graph.nodeCount(); variable++) {
      if (isDemographic(variable)) {
        for (int level = 1; level < data.cardinality(variable); level++) {
          levels.add(new int[] {variable, level});
        }
      }
    }
    for (String name : adjustment) {
      levels.add(new int[] {index(name), 1});
      levels.add(new int[] {index(name), CausalGraphTransforms.MISSING});
    }
    // A column constant over the people (a level nobody has) would make the model singular. The
    // groups hold every code the people have, so it is constant over the groups just as well. The
    // root column is kept: a root nobody (or everybody) has fails the fit, as it should.
    levels.removeIf(level -> groups.isConstant(level[0], level[1]));
    if (rootColumn) {
      levels.add(0, new int[] {focal, 1});
    }
    // The root's interactions come after every main-effect column.
    int mainColumns = levels.size();
    for (int[] level : List.copyOf(levels)) {
      if (mediators.contains(graph.nodes().get(level[0]))
          && interactionIsIdentifiable(groups, focal, level[0], level[1])) {
        levels.add(level);
      }
    }
    boolean[] byRoot = new boolean[levels.size()];
    Arrays.fill(byRoot, mainColumns, byRoot.length, true);
    Design design =
        new Design(
            outcome,
            rootColumn ? focal : -1,
            levels.stream().mapToInt(level -> level[0]).toArray(),
            levels.stream().mapToInt(level -> level[1]).toArray(),
            byRoot);
    Rows rows = Rows.of(design, groups);
    double[] outcomes = design.outcomes(groups);
    return LogisticFit.fitIndicators(
            rows.rowStarts(), rows.ones(), design.width(), outcomes, groups.weights())
        .map(fit -> new Model(design, groups, fit, rows));
  }

  /**
   * The 0/1 design of a model over groups of patterns, one row per group: column 0 is the
   * intercept, and column {@code j + 1} is 1 when variable {@code variables[j]} has the code {@code
   * levels[j]} and, where {@code byRoot[j]}, the root is also exposed: the root's interaction with
   * that code. The outcome model's column 1 is the root coded 1 ({@code root} is its variable, -1
   * for a propensity model). Rows are read from the groups' codes (one small array per variable)
   * rather than from the data's columns pattern by pattern.
   */
  record Design(int outcome, int root, int[] variables, int[] levels, boolean[] byRoot) {
    int width() {
      return variables.length + 1;
    }

    /**
     * Every column after the intercept over the groups, 1 or 0 ({@link #column}; index 0 unused),
     * read once for both {@link #rowStarts} and {@link #ones}.
     */
    byte[][] columns(PatternGroups groups) {
      byte[][] on = new byte[width()][];
      for (int column = 1; column < width(); column++) {
        on[column] = column(groups, column);
      }
      return on;
    }

    /**
     * Where each group's row starts in {@link #ones}, and at the end their total length, from the
     * design's {@link #columns} over the groups.
     */
    static int[] rowStarts(byte[][] on, int groups) {
      int[] counts = new int[groups];
      Arrays.fill(counts, 1);
      for (int column = 1; column < on.length; column++) {
        byte[] ofColumn = on[column];
        for (int group = 0; group < groups; group++) {
          counts[group] += ofColumn[group];
        }
      }
      int[] rowStarts = new int[groups + 1];
      for (int group = 0; group < groups; group++) {
        rowStarts[group + 1] = rowStarts[group] + counts[group];
      }
      return rowStarts;
    }

    /**
     * The columns where each group's row is 1, ascending within a row, rows one after the other
     * from {@code rowStarts} (of {@link #rowStarts}), from the design's {@link #columns} over the
     * groups. One slot more than the rows fill is left at the end.
     */
    static int[] ones(byte[][] on, int[] rowStarts) {
      int groups = rowStarts.length - 1;
      int[] ones = new int[rowStarts[groups] + 1];
      int next = 0;
      for (int group = 0; group < groups; group++) {
        ones[next++] = 0;
        // Every column is written and the position moves on only where the row is 1: a column
        // written where the row is 0 is overwritten by the row's next 1 or the next row's
        // intercept (or lands in the spare slot), and no branch mispredicts on the codes.
        for (int column = 1; column < on.length; column++) {
          ones[next] = column;
          next += on[column][group];
        }
      }
      return ones;
    }

    /**
     * Column {@code column} (after the intercept) over the groups, 1 or 0, with the root read as
     * each group's own.
     */
    private byte[] column(PatternGroups groups, int column) {
      byte[] on = hasLevel(groups, column, false);
      if (byRoot(column)) {
        byte[] rootCodes = groups.codes(root);
        for (int group = 0; group < on.length; group++) {
          on[group] &= (byte) (rootCodes[group] == 1 ? 1 : 0);
        }
      }
      return on;
    }

    /**
     * Column {@code column} over the groups were every group's root exposed: 1 for the root's own
     * column, else the column's code test without an interaction's condition on the root.
     */
    byte[] ifRootExposed(PatternGroups groups, int column) {
      return hasLevel(groups, column, root >= 0 && column == 1);
    }

    /**
     * 1 where the group's code of the column's variable is the column's level (everywhere when
     * {@code always}), else 0.
     */
    private byte[] hasLevel(PatternGroups groups, int column, boolean always) {
      byte[] codes = groups.codes(variable(column));
      int level = level(column);
      byte[] on = new byte[codes.length];
      for (int group = 0; group < on.length; group++) {
        on[group] = (byte) (always || codes[group] == level ? 1 : 0);
      }
      return on;
    }

    /**
     * Whether column {@code column} moves with the root: the root's own column and its
     * interactions.
     */
    boolean withRoot(int column) {
      return root >= 0 && (column == 1 || byRoot(column));
    }

    /** Whether column {@code column} is an interaction with the root. */
    boolean byRoot(int column) {
      return byRoot[column - 1];
    }

    /** Each group's outcome: 1 when the problem is present (code 1), else 0. */
    double[] outcomes(PatternGroups groups) {
      byte[] codes = groups.codes(outcome);
      double[] outcomes = new double[codes.length];
      for (int group = 0; group < codes.length; group++) {
        outcomes[group] = codes[group] == 1 ? 1 : 0;
      }
      return outcomes;
    }

    /** The variable a design column after the intercept reads. */
    int variable(int column) {
      return variables[column - 1];
    }

    /** The code of {@link #variable} that makes the design column 1. */
    int level(int column) {
      return levels[column - 1];
    }
  }

  /**
   * A design's rows over some groups as compressed sparse 0/1 rows: row {@code r}'s columns that
   * are 1 are {@code ones[rowStarts[r]]} up to {@code ones[rowStarts[r + 1]]} (exclusive),
   * ascending (of {@link Design#rowStarts} and {@link Design#ones}).
   */
  record Rows(int[] rowStarts, int[] ones) {
    static Rows of(Design design, PatternGroups groups) {
      byte[][] on = design.columns(groups);
      int[] rowStarts = Design.rowStarts(on, groups.size());
      return new Rows(rowStarts, Design.ones(on, rowStarts));
    }

    /** {@code scale} added to {@code into} at each column that is 1 in row {@code row}. */
    void addRow(int row, double scale, double[] into) {
      for (int one = rowStarts[row]; one < rowStarts[row + 1]; one++) {
        into[ones[one]] += scale;
      }
    }
  }

  /**
   * A fitted model of {@link #fit} or {@link #fitPropensity}: its design, the groups of patterns it
   * was fitted on (one row each, weighted by the group's people), the fit, and the design's rows
   * over those groups (kept rather than built again for its predictors and derivatives).
   */
  record Model(Design design, PatternGroups groups, LogisticFit fit, Rows ownRows) {
    /** People the model was fitted on: the sum of the frequency weights. */
    long people() {
      return Math.round(groups.totalWeight());
    }

    /**
     * The design's rows over {@code rows}, which must group the model's people by at least the
     * variables it reads (its own groups, or ones that split them).
     */
    Rows rows(PatternGroups rows) {
      return rows == groups ? ownRows : Rows.of(design, rows);
    }

    /** The linear predictor of each row of {@code rows} (of {@link #rows}). */
    double[] linearPredictors(Rows rows) {
      double[] beta = fit.coefficients();
      int[] rowStarts = rows.rowStarts();
      int[] ones = rows.ones();
      double[] predictors = new double[rowStarts.length - 1];
      for (int row = 0; row < predictors.length; row++) {
        for (int one = rowStarts[row]; one < rowStarts[row + 1]; one++) {
          predictors[row] += beta[ones[one]];
        }
      }
      return predictors;
    }
  }

  /**
   * Whether the root × (variable has code level) column can be told apart, over the groups, from
   * the intercept, the root's column and the code's own: only when each of the four combinations of
   * root (exposed or not) and code (that level or another) holds some group. Collinearity with
   * further columns (the exposed and missing levels of one mediator covering every exposed person)
   * shows as a failed fit, and {@link #fit} then leaves the interactions out.
   */
  private static boolean interactionIsIdentifiable(
      PatternGroups groups, int focal, int variable, int level) {
    byte[] root = groups.codes(focal);
    byte[] codes = groups.codes(variable);
    boolean exposedWith = false;
    boolean exposedWithout = false;
    boolean unexposedWith = false;
    boolean unexposedWithout = false;
    for (int group = 0; group < root.length; group++) {
      boolean with = codes[group] == level;
      if (root[group] == 1) {
        exposedWith |= with;
        exposedWithout |= !with;
      } else {
        unexposedWith |= with;
        unexposedWithout |= !with;
      }
    }
    return exposedWith && exposedWithout && unexposedWith && unexposedWithout;
  }

  private boolean isDemographic(int node) {
    return demographics.contains(graph.nodes().get(node));
  }

  private int index(String name) {
    return graph.indexOf(name);
  }
}
