package org.rishe.api.results;

import java.util.List;

/**
 * One measure of one occasion window against its comparison days, as published in {@code
 * occasion_giving}: totals, weekly rates, the rate ratio with its 95% interval (null where
 * undefined) and the counts it rests on. Dates are ISO {@code YYYY-MM-DD}.
 */
public record OccasionGivingRow(
    String occasion,
    String nameEn,
    String nameFa,
    String calendar,
    int occasionYear,
    int year,
    String startDate,
    String endDate,
    int days,
    int comparisonDays,
    List<String> overlaps,
    String measure,
    String currency,
    double occasionTotal,
    double comparisonTotal,
    double occasionWeekly,
    Double comparisonWeekly,
    Double rateRatio,
    Double rateRatioLow,
    Double rateRatioHigh,
    long occasionEvents,
    long comparisonEvents,
    Long donors,
    String intervalMethod) {
  public OccasionGivingRow {
    overlaps = List.copyOf(overlaps);
  }
}
