package org.rishe.common.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The age bands of the published cubes, by whole years of age: {@code 0-5}, {@code 6-11}, {@code
 * 12-14}, {@code 15-17}, {@code 18+}, and {@link ResultTables#UNKNOWN} without an age. Analytics
 * writes the cubes in them; the API reads them to know which bands an analysis's age range leaves
 * out.
 */
public final class AgeBands {
  /** One band: its label and its ages, {@code to} null for no upper end. */
  public record Band(String label, int from, Integer to) {
    /** Whether every age of the band lies in {@code [minimumAge, maximumAge]}. */
    public boolean within(int minimumAge, int maximumAge) {
      return from >= minimumAge && to != null && to <= maximumAge;
    }
  }

  /** The bands, youngest first. */
  public static final List<Band> BANDS =
      List.of(
          new Band("0-5", 0, 5),
          new Band("6-11", 6, 11),
          new Band("12-14", 12, 14),
          new Band("15-17", 15, 17),
          new Band("18+", 18, null));

  private AgeBands() {}

  /**
   * The labels of the bands not wholly inside {@code [minimumAge, maximumAge]}, {@code unknown}
   * included: those holding someone out of that range.
   */
  public static List<String> outside(int minimumAge, int maximumAge) {
    List<String> labels = new ArrayList<>();
    for (Band band : BANDS) {
      if (!band.within(minimumAge, maximumAge)) {
        labels.add(band.label());
      }
    }
    labels.add(ResultTables.UNKNOWN);
    return labels;
  }

  /** Every label, {@code unknown} included. */
  public static List<String> labels() {
    List<String> labels = new ArrayList<>();
    BANDS.forEach(band -> labels.add(band.label()));
    labels.add(ResultTables.UNKNOWN);
    return labels;
  }
}
