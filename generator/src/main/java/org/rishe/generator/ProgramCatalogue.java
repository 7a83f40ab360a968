package org.rishe.generator;

import java.util.List;
import java.util.Objects;

/**
 * The eight programmes of every synthetic batch, and the true effects of the two that are
 * evaluated: {@link #EDUCATION} helps, {@link #COUNSELLING} does nothing.
 */
final class ProgramCatalogue {
  static final String EDUCATION = "PRG01";
  static final String COUNSELLING = "PRG04";

  /** Added to the probability of being enrolled in school at follow-up. */
  static final double EDUCATION_ENROLLED_EFFECT = 0.15;

  /** Added to the reading score (0-100) at follow-up. */
  static final double EDUCATION_READING_EFFECT = 5.0;

  /** Counselling's true effect on the wellbeing score: none. */
  static final double COUNSELLING_WELLBEING_EFFECT = 0.0;

  static final List<Program> PROGRAMS =
      List.of(
          new Program(EDUCATION, "Back to School", "education_support", "school_dropout", 45),
          new Program("PRG02", "Skills for Work", "vocational_training", "child_labour", 120),
          new Program("PRG03", "Healthy Start Clinic", "health", "malnutrition", 30),
          new Program(COUNSELLING, "Family Counselling", "psychosocial", "domestic_violence", 60),
          new Program("PRG05", "Legal Aid Desk", "legal_aid", "delinquency", 80),
          new Program("PRG06", "Food Basket", "food_aid", "malnutrition", 25),
          new Program("PRG07", "Family Cash Support", "cash_transfer", "child_labour", 150),
          new Program("PRG08", "Safe Shelter", "housing", "street_work", 300));

  private ProgramCatalogue() {}

  /**
   * One programme.
   *
   * @param costPerParticipant million IRR
   */
  record Program(
      String id, String name, String kind, String targetProblem, int costPerParticipant) {
    Program {
      Objects.requireNonNull(id, "id is null");
    }
  }
}
