package org.rishe.api.programs;

import java.util.HashMap;
import java.util.Map;
import org.rishe.api.results.PublishedRun;

/**
 * The indicator catalogue's labels of a run in one language, by code: outcomes and covariates are
 * served with them so a page need not show codes. A code the catalogue does not label (a
 * demographic covariate such as {@code age}) has none, and the page shows the code.
 */
final class Labels {
  private final Map<String, String> byCode = new HashMap<>();

  /** Persian labels when {@code persian}, English otherwise; the other language's where missing. */
  Labels(PublishedRun run, boolean persian) {
    for (PublishedRun.IndicatorRow indicator : run.indicators()) {
      String first = persian ? indicator.labelFa() : indicator.labelEn();
      String second = persian ? indicator.labelEn() : indicator.labelFa();
      String label = blank(first) ? second : first;
      if (!blank(label)) {
        byCode.put(indicator.code(), label);
      }
    }
  }

  /** The code's label, or null without one. */
  String of(String code) {
    return byCode.get(code);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
