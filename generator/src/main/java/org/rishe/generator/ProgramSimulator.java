package org.rishe.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rishe.generator.FamilyDraw.ChildDraw;
import org.rishe.generator.ProgramCatalogue.Program;

/**
 * Enrolments and programme outcomes for one family. The education programme takes in children who
 * are out of school or poor more often (confounded enrolment) and has a known additive effect; the
 * counselling programme takes in children from conflicted families and has no effect. Outcomes are
 * observed 6-12 months after enrolment, or after a comparable index date for children never
 * enrolled, so impact estimators have both arms. Other programmes take in some children with the
 * problem they target, after the case opens.
 */
final class ProgramSimulator {
  private static final double PROBLEM_ENROLMENT_RATE = 0.3;
  private static final Map<String, List<Program>> TARGETING = targetingByProblem();

  private final Timeline timeline;
  private final BatchSink sink;
  private final ObservationWriter observations;

  ProgramSimulator(Timeline timeline, BatchSink sink, ObservationWriter observations) {
    this.timeline = timeline;
    this.sink = sink;
    this.observations = observations;
  }

  void writePrograms() {
    for (Program program : ProgramCatalogue.PROGRAMS) {
      sink.write(
          EntityFile.PROGRAMS,
          program.id(),
          program.name(),
          program.kind(),
          program.targetProblem(),
          Timeline.date(timeline.start() - 365),
          program.costPerParticipant());
    }
  }

  void simulate(FamilyDraw family, List<CaseSimulator.Onset> onsets, SplittableRandom random) {
    int[] enrollmentNumber = {0};
    boolean low = family.has("household_income");
    boolean conflict = family.has("family_conflict");
    for (ChildDraw child : family.children()) {
      if (child.age() >= 6 && child.age() <= 15) {
        boolean outOfSchool = child.has("out_of_school");
        long index = family.assessed() + 30 + random.nextInt(151);
        boolean enrolled =
            Draws.logistic(random, -2.0 + (outOfSchool ? 1.2 : 0.0) + (low ? 0.8 : 0.0));
        long outcomeDay = index + 180 + random.nextInt(186);
        if (index <= family.followedUntil()) {
          if (enrolled) {
            enrol(random, family, child, ProgramCatalogue.EDUCATION, index, enrollmentNumber);
          }
          double enrolledProbability =
              (outOfSchool ? 0.35 : 0.80)
                  - (low ? 0.10 : 0.0)
                  + (enrolled ? ProgramCatalogue.EDUCATION_ENROLLED_EFFECT : 0.0);
          boolean inSchool = random.nextDouble() < enrolledProbability;
          double reading =
              60.0
                  - (outOfSchool ? 12.0 : 0.0)
                  - (low ? 6.0 : 0.0)
                  + (enrolled ? ProgramCatalogue.EDUCATION_READING_EFFECT : 0.0)
                  + 10.0 * random.nextGaussian();
          if (outcomeDay <= family.followedUntil()) {
            observations.person(
                random,
                child.personId(),
                "school_enrolled",
                outcomeDay,
                Boolean.toString(inSchool));
            observations.person(
                random,
                child.personId(),
                "reading_score",
                outcomeDay,
                ObservationWriter.oneDecimal(Draws.clip(reading, 0.0, 100.0)));
          }
        }
      }
      if (child.age() >= 8) {
        long index = family.assessed() + 30 + random.nextInt(151);
        boolean enrolled = Draws.logistic(random, -2.2 + (conflict ? 1.1 : 0.0));
        double wellbeing =
            62.0
                - (conflict ? 8.0 : 0.0)
                + (enrolled ? ProgramCatalogue.COUNSELLING_WELLBEING_EFFECT : 0.0)
                + 12.0 * random.nextGaussian();
        long outcomeDay = index + 180 + random.nextInt(186);
        if (index <= family.followedUntil()) {
          if (enrolled) {
            enrol(random, family, child, ProgramCatalogue.COUNSELLING, index, enrollmentNumber);
          }
          if (outcomeDay <= family.followedUntil()) {
            observations.person(
                random,
                child.personId(),
                "wellbeing_score",
                outcomeDay,
                ObservationWriter.oneDecimal(Draws.clip(wellbeing, 0.0, 100.0)));
          }
        }
      }
    }
    for (CaseSimulator.Onset onset : onsets) {
      List<Program> candidates = targeting(onset.problem());
      if (candidates.isEmpty() || random.nextDouble() >= PROBLEM_ENROLMENT_RATE) {
        continue;
      }
      Program program = candidates.get(random.nextInt(candidates.size()));
      long day = onset.day() + 7 + random.nextInt(54);
      if (day <= family.followedUntil()) {
        enrol(random, family, onset.child(), program.id(), day, enrollmentNumber);
      }
    }
  }

  private void enrol(
      SplittableRandom random,
      FamilyDraw family,
      ChildDraw child,
      String programId,
      long enrolled,
      int[] number) {
    if (number[0] >= Ids.MAX_ENROLLMENTS_PER_FAMILY) {
      return;
    }
    number[0]++;
    long exited = enrolled + 90 + random.nextInt(211);
    String reason;
    if (exited > family.followedUntil() || random.nextDouble() < 0.08) {
      reason = "ongoing";
    } else {
      double draw = random.nextDouble();
      reason = draw < 0.75 ? "completed" : draw < 0.93 ? "dropped" : "transferred";
    }
    sink.write(
        EntityFile.ENROLLMENTS,
        Ids.enrollment(family.number(), number[0]),
        child.personId(),
        programId,
        Timeline.date(enrolled),
        reason.equals("ongoing") ? null : Timeline.date(exited),
        reason);
  }

  private static List<Program> targeting(String problem) {
    return TARGETING.getOrDefault(problem, List.of());
  }

  /** Per problem, the programmes that take in children with it, evaluated ones excepted. */
  private static Map<String, List<Program>> targetingByProblem() {
    Map<String, List<Program>> found = new HashMap<>();
    for (Program program : ProgramCatalogue.PROGRAMS) {
      if (!program.id().equals(ProgramCatalogue.EDUCATION)
          && !program.id().equals(ProgramCatalogue.COUNSELLING)) {
        found.computeIfAbsent(program.targetProblem(), code -> new ArrayList<>()).add(program);
      }
    }
    return Map.copyOf(found);
  }
}
