package org.rishe.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rishe.generator.CausalNode.Level;
import org.rishe.generator.FamilyDraw.ChildDraw;

/**
 * Turns each child's latent problems into dated cases. A problem caused by another problem that
 * occurred starts 30-240 days after it; any other problem starts 30-365 days after the first
 * assessment, so a case always opens after the observations of its causes. Problems that would
 * start after the period ends (or after the family is lost to follow-up) are not (yet) cases.
 * Outbreak months get extra cases on top. With traps on, the onsets come drawn with the problems
 * ({@link LatentFamilies}).
 */
final class CaseSimulator {
  private static final int[] PROBLEM_NODES = CausalModel.indexesAt(Level.PROBLEM);
  private static final String[] CLOSED_STATUS = {"resolved", "unresolved", "referred"};
  private static final double[] CLOSED_STATUS_WEIGHTS = {0.60, 0.15, 0.25};
  private static final String[] SEVERITY = {"low", "medium", "high", "critical"};
  private static final double[] SEVERITY_WEIGHTS = {0.30, 0.40, 0.22, 0.08};

  /** A problem with no problem cause starts 30 to 365 days after the first assessment. */
  private static final int DIRECT_SPREAD = 336;

  /** A problem caused by another problem starts 30 to 240 days after it. */
  private static final int CHAINED_SPREAD = 211;

  private final long seed;
  private final BatchSink sink;
  private final Map<Long, Outbreak> outbreaks = new HashMap<>();

  CaseSimulator(long seed, BatchSink sink, List<Outbreak> outbreakList) {
    this.seed = seed;
    this.sink = sink;
    for (Outbreak outbreak : outbreakList) {
      int region = Integer.parseInt(outbreak.region().substring(1)) - 1;
      int problem = CausalModel.index(outbreak.problem());
      outbreaks.put(cell(region, problem, Timeline.monthKey(outbreak.month())), outbreak);
    }
  }

  /** A case as it opened; outbreak extras are not included. */
  record Onset(ChildDraw child, String problem, long day) {}

  List<Onset> simulate(FamilyDraw family, SplittableRandom random) {
    List<Onset> onsets = new ArrayList<>();
    int caseNumber = 0;
    SplittableRandom outbreakRandom = null;
    long[] starts = new long[CausalModel.size()];
    for (ChildDraw child : family.children()) {
      for (int node : PROBLEM_NODES) {
        if (!child.state()[node]) {
          continue;
        }
        long start;
        if (child.onsets() != null) {
          start = child.onsets()[node];
        } else {
          long causeStart = LatentFamilies.causeStart(node, child.state(), starts);
          start =
              causeStart == Long.MIN_VALUE
                  ? family.assessed() + 30 + random.nextInt(DIRECT_SPREAD)
                  : causeStart + 30 + random.nextInt(CHAINED_SPREAD);
        }
        starts[node] = start;
        if (start > family.followedUntil()) {
          continue;
        }
        String problem = CausalModel.nodes().get(node).code();
        caseNumber++;
        writeCase(random, Ids.caseId(family.number(), caseNumber), child, problem, start, family);
        onsets.add(new Onset(child, problem, start));
        Outbreak outbreak =
            outbreaks.isEmpty()
                ? null
                : outbreaks.get(cell(family.region(), node, Timeline.monthKey(start)));
        if (outbreak != null) {
          if (outbreakRandom == null) {
            outbreakRandom = Seeds.stream(seed, family.number(), Seeds.OUTBREAK);
          }
          caseNumber = spawn(outbreakRandom, family, outbreak, problem, start, caseNumber);
        }
      }
    }
    return onsets;
  }

  /**
   * An onset day drawn with the problem (traps on): both spreads are drawn whatever the causes, so
   * re-simulating a person under an intervention stays on common random numbers.
   *
   * @param causeStart the latest onset among the problem's occurred problem causes, or {@link
   *     Long#MIN_VALUE}
   */
  static long onset(SplittableRandom random, long assessed, long causeStart) {
    int direct = random.nextInt(DIRECT_SPREAD);
    int chained = random.nextInt(CHAINED_SPREAD);
    return causeStart == Long.MIN_VALUE ? assessed + 30 + direct : causeStart + 30 + chained;
  }

  /**
   * Adds multiplier - 1 extra cases (in expectation) for one case that fell in an outbreak cell, on
   * a child of the same family, inside the outbreak month and after the first assessment.
   */
  private int spawn(
      SplittableRandom random,
      FamilyDraw family,
      Outbreak outbreak,
      String problem,
      long natural,
      int caseNumber) {
    double extra = outbreak.multiplier() - 1.0;
    int count = (int) Math.floor(extra) + (random.nextDouble() < extra - Math.floor(extra) ? 1 : 0);
    long from = Math.max(Timeline.monthStart(outbreak.month()), family.assessed() + 30);
    long to = Math.min(Timeline.monthEnd(outbreak.month()), family.followedUntil());
    int number = caseNumber;
    for (int i = 0; i < count && number < Ids.MAX_CASES_PER_FAMILY; i++) {
      ChildDraw child = family.children().get(random.nextInt(family.children().size()));
      long day = from <= to ? Timeline.between(random, from, to) : natural;
      number++;
      writeCase(random, Ids.caseId(family.number(), number), child, problem, day, family);
    }
    return number;
  }

  /** Writes a case; nothing of it (closing, last update) falls after the family's follow-up. */
  private void writeCase(
      SplittableRandom random,
      String caseId,
      ChildDraw child,
      String problem,
      long opened,
      FamilyDraw family) {
    long end = family.followedUntil();
    long closed = opened + 14 + random.nextInt(407);
    boolean isClosed = random.nextDouble() < 0.75 && closed <= end;
    String status = isClosed ? CLOSED_STATUS[Draws.pick(random, CLOSED_STATUS_WEIGHTS)] : "open";
    String severity = SEVERITY[Draws.pick(random, SEVERITY_WEIGHTS)];
    long updated = isClosed ? closed : Math.min(end, opened + random.nextInt(60));
    sink.write(
        EntityFile.CASES,
        caseId,
        child.personId(),
        problem,
        Timeline.date(opened),
        isClosed ? Timeline.date(closed) : null,
        status,
        severity,
        Timeline.timestamp(updated, random));
  }

  private static long cell(int region, int problem, int monthKey) {
    return ((long) region * 64 + problem) * 1_000_000L + monthKey;
  }
}
