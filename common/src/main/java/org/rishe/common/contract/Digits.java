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
    while (first < text.length() && ascii(text.charAt(first)) == text.charAt(first)) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder ascii = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      ascii.append(ascii(text.charAt(i)));
    }
    return ascii.toString();
  }

  /** The ASCII character an eastern digit or decimal separator stands for; any other as it is. */
  private static char ascii(char c) {
    if (c >= '\u06F0' && c <= '\u06F9') {
      return (char) ('0' + (c - '\u06F0'));
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    return c == ARABIC_DECIMAL_SEPARATOR ? '.' : c;
  }
}
