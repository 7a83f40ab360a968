package org.rishe.common.contract;

/**
 * Numbers and dates as Persian Excel and phone keyboards write them: Persian digits (U+06F0 to
 * U+06F9, {@code ۰}–{@code ۹}) and Arabic-Indic digits (U+0660 to U+0669, {@code ٠}–{@code ٩}) read
 * as the ASCII digits they stand for, and the Arabic decimal separator (U+066B, {@code ٫}) as a
 * full stop. Nothing else changes: {@code ۱۴۰۳/۰۱/۱۵} becomes {@code 1403/01/15}, {@code ۱۲٫۵}
 * becomes {@code 12.5}.
 */
public final class Digits {
  private static final char ARABIC_DECIMAL_SEPARATOR = '\u066B';

  private Digits() {}

  /** The text with every Persian or Arabic-Indic digit and decimal separator in ASCII. */
  public static String ascii(String text) {
    if (text == null) {
      return null;
    }
    int first = 0;
    while (first < text.length() && !isEastern(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder ascii = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u06F0' && c <= '\u06F9') {
        ascii.append((char) ('0' + (c - '\u06F0')));
      } else if (c >= '\u0660' && c <= '\u0669') {
        ascii.append((char) ('0' + (c - '\u0660')));
      } else if (c == ARABIC_DECIMAL_SEPARATOR) {
        ascii.append('.');
      } else {
        ascii.append(c);
      }
    }
    return ascii.toString();
  }

  private static boolean isEastern(char c) {
    return (c >= '\u06F0' && c <= '\u06F9')
        || (c >= '\u0660' && c <= '\u0669')
        || c == ARABIC_DECIMAL_SEPARATOR;
  }
}
