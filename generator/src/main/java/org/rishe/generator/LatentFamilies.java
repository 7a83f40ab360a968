package org.rishe.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rishe.generator.CausalNode.Level;
import org.rishe.generator.FamilyDraw.ChildDraw;

/**
 * Draws what a family is, before anything is written: demographics, the causal nodes of the family
 * and its children and, with traps, the family's frailty, loss to follow-up, income recovery, each
 * problem's onset day and the consequence factor. The observed batch ({@link FamilySimulator}) and
 * the truth of total effects ({@link InterventionTruth}) draw families with this one method, so the
 * truth is of the population the batch was drawn from.
 *
 * <p>Every node, and every trap draw, consumes the same random numbers whatever the parents'
 * values, so drawing one family twice from copies of its streams, once with a node forced exposed
 * and once forced unexposed, re-simulates the same people on common random numbers: the nodes that
 * do not descend from the forced one come out identical and its descendants are drawn again.
 */
final class LatentFamilies {
  /** Share of families per region R01..R10: the capital region largest. */
  private static final double[] REGION_WEIGHTS = {
    0.18, 0.14, 0.12, 0.11, 0.10, 0.09, 0.08, 0.07, 0.06, 0.05
  };

  private static final double[] CHILD_COUNT_WEIGHTS = {0.30, 0.30, 0.20, 0.12, 0.05, 0.03};
  private static final int[] FAMILY_NODES = CausalModel.indexesAt(Level.FAMILY);
  private static final int[] PERSON_NODES = CausalModel.indexesAt(Level.PERSON);
  private static final int[] PROBLEM_NODES = CausalModel.indexesAt(Level.PROBLEM);
  private static final int INCOME = CausalModel.index("household_income");
  private static final int VIOLENCE = CausalModel.index(Traps.CONSEQUENCE_OF);

  /** The first child's member number; mother, father and guardian take 0 to 2. */
  private static final int FIRST_CHILD = 3;

  private final Timeline timeline;
  private final Traps traps;

  LatentFamilies(Timeline timeline, Traps traps) {
    this.timeline = timeline;
    this.traps = traps;
  }

  /** An intervention do(node = value) on a node of {@link CausalModel}. */
  record Intervention(int node, boolean value) {}

  /**
   * Draws family {@code number}.
   *
   * @param random the family's stream, drawn in the order the generator has always used
   * @param trapRandom the stream of the traps and of the onset days; null (only without traps) to
   *     leave the onsets to {@link CaseSimulator}, which keeps batches without traps byte-identical
   * @param intervention the node to force, or null for the natural course
   */
  FamilyDraw draw(
      long number,
      SplittableRandom random,
      SplittableRandom trapRandom,
      Intervention intervention) {
    int region = Draws.pick(random, REGION_WEIGHTS);
    long registered =
        Timeline.between(random, timeline.registrationStart(), timeline.registrationEnd());
    long assessed = registered + random.nextInt(91);
    boolean[] familyState = new boolean[CausalModel.size()];
    for (int node : FAMILY_NODES) {
      CausalModel.draw(node, familyState, random, region, 0.0, false, 0.0);
      force(intervention, node, familyState);
    }
    Family family = trapRandom == null ? Family.plain(timeline) : family(trapRandom, assessed);
    boolean incomeForced = intervention != null && intervention.node() == INCOME;
    long recoveryDay =
        familyState[INCOME] && !incomeForced && family.recovers
            ? family.recoveryDay
            : Long.MAX_VALUE;
    int childCount = 1 + Draws.pick(random, CHILD_COUNT_WEIGHTS);
    List<ChildDraw> children = new ArrayList<>(childCount);
    for (int c = 0; c < childCount; c++) {
      children.add(
          child(
              random,
              trapRandom,
              Ids.person(number, FIRST_CHILD + c),
              region,
              familyState,
              assessed,
              family.frailty,
              recoveryDay,
              intervention));
    }
    return new FamilyDraw(
        number,
        Ids.family(number),
        region,
        registered,
        assessed,
        family.followedUntil,
        recoveryDay,
        familyState,
        children);
  }

  /** The family-level trap draws, always the same count of numbers. */
  private Family family(SplittableRandom trapRandom, long assessed) {
    double frailty = traps.frailtySd() * trapRandom.nextGaussian();
    boolean lost = trapRandom.nextDouble() < traps.lossRate();
    long lossDay = assessed + 1 + trapRandom.nextInt(Traps.LOSS_SPREAD);
    boolean recovers = trapRandom.nextDouble() < traps.incomeRecoveryRate();
    long recoveryDay = assessed + Traps.RECOVERY_FROM + trapRandom.nextInt(Traps.RECOVERY_SPREAD);
    long followedUntil = lost ? Math.min(timeline.end(), lossDay) : timeline.end();
    return new Family(frailty, followedUntil, recovers, recoveryDay);
  }

  private record Family(double frailty, long followedUntil, boolean recovers, long recoveryDay) {
    static Family plain(Timeline timeline) {
      return new Family(0.0, timeline.end(), false, Long.MAX_VALUE);
    }
  }

  private ChildDraw child(
      SplittableRandom random,
      SplittableRandom trapRandom,
      String personId,
      int region,
      boolean[] familyState,
      long assessed,
      double frailty,
      long recoveryDay,
      Intervention intervention) {
    int age = 5 + random.nextInt(13);
    boolean female = random.nextDouble() < 0.49;
    boolean[] state = familyState.clone();
    for (int node : PERSON_NODES) {
      CausalModel.draw(node, state, random, region, age - 11, female, 0.0);
      force(intervention, node, state);
    }
    if (trapRandom == null) {
      for (int node : PROBLEM_NODES) {
        CausalModel.draw(node, state, random, region, age - 11, female, 0.0);
        force(intervention, node, state);
      }
      return new ChildDraw(personId, age, female, state, null, Long.MAX_VALUE);
    }
    long[] onsets = new long[CausalModel.size()];
    for (int node : PROBLEM_NODES) {
      long start = CaseSimulator.onset(trapRandom, assessed, causeStart(node, state, onsets));
      onsets[node] = start;
      // Income acts on a problem through its status on the onset day (FamilyDraw.incomeLowOn).
      boolean income = state[INCOME];
      state[INCOME] = income && start < recoveryDay;
      CausalModel.draw(node, state, random, region, age - 11, female, frailty);
      state[INCOME] = income;
      force(intervention, node, state);
    }
    return new ChildDraw(
        personId, age, female, state, onsets, consequenceDay(trapRandom, state, onsets, assessed));
  }

  /**
   * The latest onset among the problems that cause {@code node} and occurred; MIN_VALUE if none.
   */
  static long causeStart(int node, boolean[] state, long[] starts) {
    long causeStart = Long.MIN_VALUE;
    for (int parent : CausalModel.parents(node)) {
      if (CausalModel.nodes().get(parent).level() == Level.PROBLEM && state[parent]) {
        causeStart = Math.max(causeStart, starts[parent]);
      }
    }
    return causeStart;
  }

  /**
   * The consequence starts 1-120 days after the violence that causes it, or, rarely and without
   * violence, 30-700 days after the first assessment: never before the first assessment.
   */
  private long consequenceDay(
      SplittableRandom trapRandom, boolean[] state, long[] onsets, long assessed) {
    double draw = trapRandom.nextDouble();
    int afterViolence = 1 + trapRandom.nextInt(120);
    int afterAssessment = 30 + trapRandom.nextInt(671);
    if (!traps.consequence()) {
      return Long.MAX_VALUE;
    }
    boolean violence = state[VIOLENCE];
    double logOdds = Traps.CONSEQUENCE_INTERCEPT + (violence ? Traps.CONSEQUENCE_LOG_ODDS : 0.0);
    if (draw >= 1.0 / (1.0 + Math.exp(-logOdds))) {
      return Long.MAX_VALUE;
    }
    return violence ? onsets[VIOLENCE] + afterViolence : assessed + afterAssessment;
  }

  private static void force(Intervention intervention, int node, boolean[] state) {
    if (intervention != null && intervention.node() == node) {
      state[node] = intervention.value();
    }
  }
}
