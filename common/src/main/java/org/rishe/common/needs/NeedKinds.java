package org.rishe.common.needs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of need of the data contract ({@code needs.kind}) with their English and Persian
 * labels, as the needs board serves them ({@code GET /api/v1/needs?lang=fa}).
 */
public final class NeedKinds {
  /** A kind and its labels. */
  public record Kind(String code, String labelEn, String labelFa) {}

  /** Every kind, in the contract's order. */
  public static final List<Kind> CATALOGUE =
      List.of(
          new Kind("school_fees", "School fees", "شهریه مدرسه"),
          new Kind("school_supplies", "School supplies", "لوازم مدرسه"),
          new Kind("food", "Food", "غذا"),
          new Kind("medical", "Medical care", "درمان"),
          new Kind("rent", "Rent", "اجاره خانه"),
          new Kind("utilities", "Utility bills", "قبض‌های خانه"),
          new Kind("clothing", "Clothing", "پوشاک"),
          new Kind("other", "Other", "سایر"));

  private static final Map<String, Kind> BY_CODE = new LinkedHashMap<>();

  static {
    CATALOGUE.forEach(kind -> BY_CODE.put(kind.code(), kind));
  }

  private NeedKinds() {}

  public static Optional<Kind> byCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }

  /** The codes, in the catalogue's order. */
  public static List<String> codes() {
    return List.copyOf(BY_CODE.keySet());
  }
}
