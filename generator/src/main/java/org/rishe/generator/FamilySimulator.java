package org.rishe.generator;

import java.util.List;
import java.util.SplittableRandom;
import org.rishe.generator.CausalNode.Level;
import org.rishe.generator.FamilyDraw.ChildDraw;

/**
 * Simulates one family from its own random stream: what the family is ({@link LatentFamilies}:
 * demographics, the causal nodes and, with traps, frailty, loss, recovery and onsets), then the
 * family and people rows and the assessments (factor observations), then hands over to the case,
 * programme and donation simulators.
 */
final class FamilySimulator {
  private static final double FOLLOW_UP_RATE = 0.30;
  private static final double NO_CONSENT_RATE = 0.03;
  private static final double CHILD_FACTOR_NEVER_OBSERVED = 0.08;

  /** Share of income recoveries reported on the day they happen (besides any follow-up). */
  private static final double RECOVERY_REPORTED = 0.5;

  private static final int[] FAMILY_NODES = CausalModel.indexesAt(Level.FAMILY);
  private static final int[] PERSON_NODES = CausalModel.indexesAt(Level.PERSON);
  private static final int INCOME = CausalModel.index("household_income");
  private static final int ABSENCE = CausalModel.index("school_absence_days");
  private static final int OUT_OF_SCHOOL = CausalModel.index("out_of_school");
  private static final int CONSEQUENCE = CausalModel.index(Traps.CONSEQUENCE);

  private final long seed;
  private final Traps traps;
  private final LatentFamilies latent;
  private final BatchSink sink;
  private final ObservationWriter observations;
  private final CaseSimulator cases;
  private final ProgramSimulator programs;
  private final NeedSimulator needs;
  private final DonationSimulator donations;

  FamilySimulator(
      long seed,
      Timeline timeline,
      Traps traps,
      BatchSink sink,
      ObservationWriter observations,
      CaseSimulator cases,
      ProgramSimulator programs,
      NeedSimulator needs,
      DonationSimulator donations) {
    this.seed = seed;
    this.traps = traps;
    this.latent = new LatentFamilies(timeline, traps);
    this.sink = sink;
    this.observations = observations;
    this.cases = cases;
    this.programs = programs;
    this.needs = needs;
    this.donations = donations;
  }

  void simulate(long number) {
    SplittableRandom random = Seeds.stream(seed, number, Seeds.FAMILY);
    sink.startUnit(number);
    SplittableRandom trapRandom = traps.active() ? Seeds.stream(seed, number, Seeds.TRAPS) : null;
    FamilyDraw family = latent.draw(number, random, trapRandom, null);
    int oldest = 0;
    for (ChildDraw child : family.children()) {
      oldest = Math.max(oldest, child.age());
    }
    double income = income(random, family.state()[INCOME]);
    writeMembers(random, family, oldest, income);
    writeAssessment(random, family, family.assessed(), income);
    long followUp = family.assessed() + 180 + random.nextInt(221);
    if (random.nextDouble() < FOLLOW_UP_RATE && followUp <= family.followedUntil()) {
      writeAssessment(random, family, followUp, income(random, family.incomeLowOn(followUp)));
    }
    if (traps.active()) {
      writeChanges(random, family);
    }
    List<CaseSimulator.Onset> onsets = cases.simulate(family, random);
    programs.simulate(family, onsets, random);
    List<NeedSimulator.Need> drawn = needs.draw(family);
    donations.simulate(family, drawn);
    // written last, so that the rows before them are broken by --dirty-rate as they were before
    needs.write(drawn);
  }

  private void writeMembers(SplittableRandom random, FamilyDraw family, int oldest, double income) {
    String familyName = FakeNames.familyName(random);
    boolean single = family.has("single_parent");
    boolean motherOnly = single && random.nextDouble() < 0.8;
    boolean fatherOnly = single && !motherOnly;
    boolean guardian =
        random.nextDouble() < (family.has("parent_incarcerated") && single ? 0.3 : 0.04);
    int adults = (single ? 1 : 2) + (guardian ? 1 : 0);
    int extraMembers = random.nextDouble() < 0.2 ? 1 : 0;
    boolean informal = family.has("informal_housing");
    sink.write(
        EntityFile.FAMILIES,
        family.familyId(),
        family.regionCode(),
        adults + family.children().size() + extraMembers,
        ObservationWriter.oneDecimal(income),
        informal ? "informal" : housing(random),
        Timeline.date(family.registered()));
    String parentEducation = family.has("parent_illiterate") ? "none" : null;
    if (!fatherOnly) {
      writeAdult(random, family, 0, "mother", true, familyName, oldest, parentEducation);
    }
    if (!motherOnly) {
      writeAdult(random, family, 1, "father", false, familyName, oldest, parentEducation);
    }
    if (guardian) {
      writeAdult(random, family, 2, "guardian", random.nextBoolean(), familyName, oldest, null);
    }
    for (ChildDraw child : family.children()) {
      long birth = family.registered() - child.age() * 365L - random.nextInt(365);
      String sex = child.female() ? "female" : random.nextDouble() < 0.98 ? "male" : "unknown";
      String education =
          child.has("out_of_school") || child.age() < 6
              ? "none"
              : child.age() < 12
                  ? "primary"
                  : child.age() < 15 ? "lower_secondary" : "upper_secondary";
      writePerson(random, family, child.personId(), birth, sex, "child", education, familyName);
    }
  }

  private void writeAdult(
      SplittableRandom random,
      FamilyDraw family,
      int member,
      String relation,
      boolean female,
      String familyName,
      int oldestChild,
      String education) {
    int age = Math.max(oldestChild + 18, 25) + random.nextInt(15);
    long birth = family.registered() - age * 365L - random.nextInt(365);
    String level =
        education != null
            ? education
            : new String[] {"primary", "lower_secondary", "upper_secondary", "tertiary"}
                [random.nextInt(4)];
    writePerson(
        random,
        family,
        Ids.person(family.number(), member),
        birth,
        female ? "female" : "male",
        relation,
        level,
        familyName);
  }

  private void writePerson(
      SplittableRandom random,
      FamilyDraw family,
      String personId,
      long birth,
      String sex,
      String relation,
      String education,
      String familyName) {
    sink.write(
        EntityFile.PEOPLE,
        personId,
        family.familyId(),
        FakeNames.fullName(random, sex.equals("female"), familyName),
        FakeNames.nationalId(random),
        Timeline.date(birth),
        sex,
        relation,
        education,
        Timeline.date(family.registered()),
        random.nextDouble() < NO_CONSENT_RATE ? "false" : "true");
  }

  /**
   * One assessment: every family factor, then every child's factors. Whether a factor is ever asked
   * depends on the subject alone (drawn from a stream keyed by it), so a factor missing at the
   * first assessment is missing at the follow-up too.
   */
  private void writeAssessment(
      SplittableRandom random, FamilyDraw family, long day, double income) {
    SplittableRandom asked = Seeds.stream(seed, family.number(), Seeds.FAMILY + 1);
    for (int node : FAMILY_NODES) {
      String code = CausalModel.nodes().get(node).code();
      if (asked.nextDouble() < familyNeverObserved(code)) {
        continue;
      }
      String value =
          node == INCOME
              ? ObservationWriter.oneDecimal(income)
              : Boolean.toString(family.state()[node]);
      observations.family(random, family.familyId(), code, day, value);
    }
    for (ChildDraw child : family.children()) {
      for (int node : PERSON_NODES) {
        boolean neverAsked = asked.nextDouble() < CHILD_FACTOR_NEVER_OBSERVED;
        // Absence is not asked about children who are not enrolled in school at all.
        if (neverAsked || (node == ABSENCE && child.state()[OUT_OF_SCHOOL])) {
          continue;
        }
        boolean consequence = node == CONSEQUENCE && traps.consequence();
        // A consequence is not asked at the first assessment: it starts after it.
        if (consequence && day == family.assessed()) {
          continue;
        }
        String value =
            node == ABSENCE
                ? Integer.toString(
                    child.state()[node] ? 21 + random.nextInt(40) : random.nextInt(21))
                : Boolean.toString(
                    consequence ? child.consequenceDay() <= day : child.state()[node]);
        observations.person(
            random, child.personId(), CausalModel.nodes().get(node).code(), day, value);
      }
    }
  }

  /**
   * With traps on, what changes between assessments is also reported when it happens: each
   * consequence on its first day, and half the income recoveries on theirs. Nothing after the
   * family's follow-up ends.
   */
  private void writeChanges(SplittableRandom random, FamilyDraw family) {
    for (ChildDraw child : family.children()) {
      if (child.consequenceDay() <= family.followedUntil()) {
        observations.person(
            random, child.personId(), Traps.CONSEQUENCE, child.consequenceDay(), "true");
      }
    }
    if (family.recoveryDay() <= family.followedUntil() && random.nextDouble() < RECOVERY_REPORTED) {
      observations.family(
          random,
          family.familyId(),
          "household_income",
          family.recoveryDay(),
          ObservationWriter.oneDecimal(income(random, false)));
    }
  }

  private static double familyNeverObserved(String code) {
    return switch (code) {
      case "parent_incarcerated" -> 0.15;
      case "undocumented" -> 0.10;
      default -> 0.03;
    };
  }

  /** Million IRR a month, on the side of the 300 poverty line that the causal draw chose. */
  private static double income(SplittableRandom random, boolean low) {
    if (low) {
      return Math.min(299.9, 60.0 + random.nextDouble() * 239.9);
    }
    return 300.0 + Math.exp(4.8 + 0.7 * random.nextGaussian());
  }

  private static String housing(SplittableRandom random) {
    double draw = random.nextDouble();
    return draw < 0.35 ? "owned" : draw < 0.90 ? "rented" : draw < 0.98 ? "other" : "homeless";
  }
}
