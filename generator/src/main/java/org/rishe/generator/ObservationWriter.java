package org.rishe.generator;

import java.util.SplittableRandom;

/**
 * Writes observation rows, replacing about one answer in twenty with a missing-answer code the way
 * real assessments come back: unknown, refused or not collected.
 */
final class ObservationWriter {
  static final double MISSING_ANSWER_RATE = 0.05;
  private static final String[] MISSING = {"unknown", "refused", "not_collected"};

  private final BatchSink sink;

  ObservationWriter(BatchSink sink) {
    this.sink = sink;
  }

  void person(SplittableRandom random, String personId, String code, long day, String value) {
    write(random, personId, "person", code, day, value);
  }

  void family(SplittableRandom random, String familyId, String code, long day, String value) {
    write(random, familyId, "family", code, day, value);
  }

  private void write(
      SplittableRandom random,
      String subjectId,
      String subjectType,
      String code,
      long day,
      String value) {
    String written =
        random.nextDouble() < MISSING_ANSWER_RATE ? MISSING[random.nextInt(MISSING.length)] : value;
    sink.write(EntityFile.OBSERVATIONS, subjectId, subjectType, code, Timeline.date(day), written);
  }

  /** A number with one decimal, written without exponent: 123.4. */
  static String oneDecimal(double value) {
    long tenths = Math.round(Math.abs(value) * 10.0);
    String sign = value < 0 && tenths != 0 ? "-" : "";
    return sign + (tenths / 10) + "." + (tenths % 10);
  }
}
