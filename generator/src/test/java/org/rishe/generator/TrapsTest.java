package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.generator.FamilyDraw.ChildDraw;

/** The traps: sibling frailty, a consequence recorded after onset, loss to follow-up. */
class TrapsTest {
  private static final Timeline TIMELINE =
      new Timeline(GeneratorConfig.DEFAULT_START_YEAR, GeneratorConfig.DEFAULT_END_YEAR);
  private static final int MALNUTRITION = CausalModel.index("malnutrition");
  private static final int FOOD_INSECURITY = CausalModel.index("food_insecurity");

  /**
   * Malnutrition's only cause is food insecurity, a family factor, and its log-odds are -3.2 + 1.3
   * food insecurity - 0.10 (age - 11): given the family's food insecurity and the children's ages,
   * two siblings are independent without frailty. With a family frailty z ~ N(0, 0.6²) the chance
   * both have it is E_z[expit(a1 + z) expit(a2 + z)], computed here by quadrature over the normal
   * density for every sibling pair; the simulated count of such pairs must match it and exceed the
   * count expected without frailty by far.
   */
  @Test
  void frailtyCorrelatesSiblingsAsTheRandomEffectModelSays() {
    double sd = Traps.STANDARD.frailtySd();
    LatentFamilies latent = new LatentFamilies(TIMELINE, new Traps(sd, 0.0, false, 0.0));
    double[][] rule = normalRule(201);
    double both = 0;
    double expectedFrailty = 0;
    double varianceFrailty = 0;
    double expectedIndependent = 0;
    for (long number = 1; number <= 120_000; number++) {
      FamilyDraw family =
          latent.draw(
              number,
              Seeds.stream(9, number, Seeds.FAMILY),
              Seeds.stream(9, number, Seeds.TRAPS),
              null);
      double food = family.state()[FOOD_INSECURITY] ? 1.3 : 0.0;
      List<ChildDraw> children = family.children();
      for (int i = 0; i < children.size(); i++) {
        for (int j = i + 1; j < children.size(); j++) {
          double a1 = -3.2 + food - 0.10 * (children.get(i).age() - 11);
          double a2 = -3.2 + food - 0.10 * (children.get(j).age() - 11);
          double p = 0;
          for (double[] node : rule) {
            double z = sd * node[0];
            p += node[1] * expit(a1 + z) * expit(a2 + z);
          }
          expectedFrailty += p;
          varianceFrailty += p * (1 - p);
          expectedIndependent += marginal(a1, sd, rule) * marginal(a2, sd, rule);
          if (children.get(i).state()[MALNUTRITION] && children.get(j).state()[MALNUTRITION]) {
            both++;
          }
        }
      }
    }
    // Pairs of one family are dependent; 5 binomial SEs leave room for that and for chance.
    double se = Math.sqrt(varianceFrailty);
    assertThat(Math.abs(both - expectedFrailty)).isLessThan(5 * se);
    assertThat(both - expectedIndependent).isGreaterThan(5 * se);
  }

  @Test
  void theConsequenceIsRecordedOnlyAfterTheViolenceItFollows(@TempDir Path dir) {
    SyntheticBatchGenerator.generate(
        GeneratorConfig.defaults(dir).withFamilies(3000).withTraps(Traps.STANDARD));
    Table cases = Table.read(dir.resolve("cases.csv"));
    Map<String, LocalDate> violence = new HashMap<>();
    for (List<String> row : cases.rows()) {
      if (cases.value(row, "problem").equals(Traps.CONSEQUENCE_OF)) {
        violence.merge(
            cases.value(row, "person_id"),
            LocalDate.parse(cases.value(row, "opened_on")),
            (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Table observations = Table.read(dir.resolve("observations.csv"));
    int recorded = 0;
    int afterViolence = 0;
    for (List<String> row : observations.rows()) {
      if (!observations.value(row, "indicator").equals(Traps.CONSEQUENCE)
          || !observations.value(row, "value").equals("true")) {
        continue;
      }
      recorded++;
      LocalDate onset = violence.get(observations.value(row, "subject_id"));
      if (onset != null) {
        afterViolence++;
        assertThat(LocalDate.parse(observations.value(row, "observed_on"))).isAfter(onset);
      }
    }
    assertThat(afterViolence).isGreaterThan(50);
    // Without violence it is rare: log-odds -4.0 against -0.5 with it.
    assertThat(recorded - afterViolence).isLessThan(afterViolence);
  }

  /** Everybody is lost: no observation, case or enrolment after the family's loss day. */
  @Test
  void lossToFollowUpTruncatesEveryRecord(@TempDir Path dir) {
    long seed = 3;
    Traps traps = new Traps(0.0, 0.0, false, 1.0);
    SyntheticBatchGenerator.generate(
        GeneratorConfig.defaults(dir).withFamilies(800).withSeed(seed).withTraps(traps));
    LatentFamilies latent = new LatentFamilies(TIMELINE, traps);
    long[] followedUntil = new long[801];
    int lostEarly = 0;
    for (int number = 1; number <= 800; number++) {
      FamilyDraw family =
          latent.draw(
              number,
              Seeds.stream(seed, number, Seeds.FAMILY),
              Seeds.stream(seed, number, Seeds.TRAPS),
              null);
      followedUntil[number] = family.followedUntil();
      lostEarly += family.followedUntil() < TIMELINE.end() ? 1 : 0;
    }
    assertThat(lostEarly).isGreaterThan(600);
    int checked = 0;
    checked += datedNoLater(dir, "observations.csv", "subject_id", "observed_on", followedUntil);
    checked += datedNoLater(dir, "cases.csv", "person_id", "opened_on", followedUntil);
    checked += datedNoLater(dir, "cases.csv", "person_id", "closed_on", followedUntil);
    checked += datedNoLater(dir, "enrollments.csv", "person_id", "enrolled_on", followedUntil);
    checked += datedNoLater(dir, "enrollments.csv", "person_id", "exited_on", followedUntil);
    assertThat(checked).isGreaterThan(10_000);
  }

  /** Checks every dated row of a file; returns how many it checked. */
  private static int datedNoLater(
      Path dir, String file, String idColumn, String dateColumn, long[] followedUntil) {
    Table table = Table.read(dir.resolve(file));
    int checked = 0;
    for (List<String> row : table.rows()) {
      String id = table.value(row, idColumn);
      String date = table.value(row, dateColumn);
      if (date.isEmpty()) {
        continue;
      }
      int family =
          id.startsWith("F")
              ? Integer.parseInt(id.substring(1))
              : Integer.parseInt(id.substring(1)) / 10;
      assertThat(LocalDate.parse(date).toEpochDay())
          .as("%s %s %s", file, id, date)
          .isLessThanOrEqualTo(followedUntil[family]);
      checked++;
    }
    return checked;
  }

  private static double marginal(double a, double sd, double[][] rule) {
    double p = 0;
    for (double[] node : rule) {
      p += node[1] * expit(a + sd * node[0]);
    }
    return p;
  }

  private static double expit(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /**
   * Nodes z and weights of the standard normal on a midpoint grid over [-6, 6]: for smooth
   * integrands against the normal density the midpoint rule is accurate far beyond what the test
   * needs (the weights sum to 1 - 2e-9).
   */
  private static double[][] normalRule(int points) {
    double[][] rule = new double[points][];
    double width = 12.0 / points;
    for (int i = 0; i < points; i++) {
      double z = -6.0 + (i + 0.5) * width;
      rule[i] = new double[] {z, width * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)};
    }
    return rule;
  }
}
