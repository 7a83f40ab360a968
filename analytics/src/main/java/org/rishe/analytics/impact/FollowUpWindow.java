package org.rishe.analytics.impact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days after the index date on which an outcome counts: from {@code startDays} to {@code
 * endDays}, both included, or with no end when {@code endDays} is null. Open-ended is the default
 * because programmes measure their outcomes when they can: LaLonde's NSW earnings of 1978 come
 * 1,095 days after the 1976 enrolment, and a window that ends at a year would leave them out
 * without a word.
 *
 * @param startDays first day after the index date on which an outcome counts, at least 0
 * @param endDays last such day, at least {@code startDays}; null for no end
 */
public record FollowUpWindow(int startDays, Integer endDays) {
  private static final Pattern TEXT = Pattern.compile("(\\d{1,5})-(\\d{1,5})?");

  public FollowUpWindow {
    if (startDays < 0 || (endDays != null && endDays < startDays)) {
      throw new IllegalArgumentException(
          "follow-up window must satisfy 0 <= start <= end days, got "
              + startDays
              + ".."
              + (endDays == null ? "" : endDays));
    }
  }

  /** From {@code startDays} on, with no end. */
  public static FollowUpWindow from(int startDays) {
    return new FollowUpWindow(startDays, null);
  }

  public static FollowUpWindow between(int startDays, int endDays) {
    return new FollowUpWindow(startDays, endDays);
  }

  /**
   * Reads {@code START-END} ({@code 30-365}) or {@code START-} ({@code 30-}: no end), as {@code
   * rishe analyze --follow-up-days} takes it.
   */
  public static FollowUpWindow parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "a follow-up window is START-END or START- (no end) in days, e.g. 30-365 or 30-, got '"
              + text
              + "'");
    }
    int start = Integer.parseInt(matcher.group(1));
    return matcher.group(2) == null
        ? from(start)
        : between(start, Integer.parseInt(matcher.group(2)));
  }

  public boolean openEnded() {
    return endDays == null;
  }

  /** Whether an observation {@code days} after the index date counts. */
  public boolean contains(long days) {
    return days >= startDays && (endDays == null || days <= endDays);
  }

  /** As {@link #parse} reads it: {@code 30-365} or {@code 30-}. */
  public String text() {
    return startDays + "-" + (endDays == null ? "" : endDays);
  }
}
