package org.rishe.generator;

/**
 * Identifier formats. Person, case and enrollment ids embed the family number, so every family's
 * ids are known without counting the families before it.
 */
final class Ids {
  /** A person id's last digit is the member number; 9 is never given, see {@link #unknown}. */
  static final int MAX_MEMBERS = 9;

  static final int MAX_CASES_PER_FAMILY = 999;
  static final int MAX_ENROLLMENTS_PER_FAMILY = 99;

  private Ids() {}

  static String family(long family) {
    return "F" + pad(family, 7);
  }

  static String person(long family, int member) {
    return "P" + pad(family * 10 + member, 8);
  }

  static String caseId(long family, int number) {
    return "C" + pad(family * 1000 + number, 10);
  }

  static String enrollment(long family, int number) {
    return "E" + pad(family * 100 + number, 9);
  }

  static String donation(long family, int number) {
    return "D" + pad(family * 10 + number, 8);
  }

  static String need(long family, int number) {
    return "N" + pad(family * 10 + number, 8);
  }

  static String donor(long number) {
    return "DN" + pad(number, 7);
  }

  static String volunteer(long number) {
    return "V" + pad(number, 6);
  }

  /**
   * An id of the same kind that no row carries: one digit longer than every real id, and different
   * for every input, so rows made invalid with it never collide with each other.
   */
  static String unknown(String id) {
    return id + "9";
  }

  static String pad(long value, int width) {
    String digits = Long.toString(value);
    if (digits.length() >= width) {
      return digits;
    }
    StringBuilder padded = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) {
      padded.append('0');
    }
    return padded.append(digits).toString();
  }
}
