package org.rishe.api.programs;

import java.util.HashMap;
import java.util.Map;
import org.rishe.api.results.PublishedRun;

/**
 * Names for the codes of a programme's outcomes and covariates in one language, so a page need not
 * show codes: an indicator by the catalogue's label; the design's own covariates (age, sex, a
 * region against the most common one, an indicator not recorded) by fixed words around those labels
 * and the regions catalogue's names. A code none of these names (a factor the catalogue does not
 * label) has none, and the page shows the code.
 */
final class Labels {
  private static final String MISSING = "_missing";
  private static final String REGION = "region_";
  private static final String AND = "_and_";

  private final boolean persian;
  private final Map<String, String> byCode = new HashMap<>();
  private final Map<String, String> regions = new HashMap<>();

  /** Persian names when {@code persian}, English otherwise; the other language's where missing. */
  Labels(PublishedRun run, boolean persian) {
    this.persian = persian;
    for (PublishedRun.IndicatorRow indicator : run.indicators()) {
      put(byCode, indicator.code(), indicator.labelEn(), indicator.labelFa());
    }
    for (PublishedRun.RegionRow region : run.regions()) {
      put(regions, region.code(), region.labelEn(), region.labelFa());
    }
    byCode.put("age", words("Age", "سن"));
    byCode.put("age_squared", words("Age squared", "مجذور سن"));
    byCode.put("female", words("Female", "دختر یا زن"));
    byCode.put("sex_other_or_unknown", words("Sex other or unknown", "جنس دیگر یا نامعلوم"));
  }

  /** The code's name, or null without one. */
  String of(String code) {
    if (code == null) {
      return null;
    }
    String direct = byCode.get(code);
    if (direct != null) {
      return direct;
    }
    if (code.startsWith(REGION)) {
      String region = code.substring(REGION.length());
      return words("Region ", "منطقه ") + regions.getOrDefault(region, region);
    }
    if (code.endsWith(MISSING)) {
      String recorded = recorded(code.substring(0, code.length() - MISSING.length()));
      return recorded == null ? null : recorded + words(" (not recorded)", " (ثبت‌نشده)");
    }
    return null;
  }

  /** An indicator's label, or two joined by "and" (the design's one missing-together column). */
  private String recorded(String codes) {
    String label = byCode.get(codes);
    if (label != null) {
      return label;
    }
    for (int at = codes.indexOf(AND); at > 0; at = codes.indexOf(AND, at + 1)) {
      String first = byCode.get(codes.substring(0, at));
      String second = byCode.get(codes.substring(at + AND.length()));
      if (first != null && second != null) {
        return first + words(" and ", " و ") + second;
      }
    }
    return null;
  }

  private String words(String english, String farsi) {
    return persian ? farsi : english;
  }

  private void put(Map<String, String> names, String code, String english, String farsi) {
    String first = persian ? farsi : english;
    String second = persian ? english : farsi;
    String name = blank(first) ? second : first;
    if (!blank(name)) {
      names.put(code, name);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
