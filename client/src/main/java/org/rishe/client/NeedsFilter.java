package org.rishe.client;

/**
 * The filters of {@code GET /needs}, each null for none: a kind of need (e.g. {@code school_fees}),
 * a region code, a programme id, a currency (ISO 4217), the least and greatest amount (in the
 * need's currency), and the label language ({@code en}, the default, or {@code fa}). Start from
 * {@link #ALL} and narrow it: {@code NeedsFilter.ALL.withKind("food").withRegion("R01")}.
 */
public record NeedsFilter(
    String kind,
    String region,
    String program,
    String currency,
    Double minAmount,
    Double maxAmount,
    String lang) {
  /** Every need on the board, labels in English. */
  public static final NeedsFilter ALL = new NeedsFilter(null, null, null, null, null, null, null);

  public NeedsFilter withKind(String value) {
    return new NeedsFilter(value, region, program, currency, minAmount, maxAmount, lang);
  }

  public NeedsFilter withRegion(String value) {
    return new NeedsFilter(kind, value, program, currency, minAmount, maxAmount, lang);
  }

  public NeedsFilter withProgram(String value) {
    return new NeedsFilter(kind, region, value, currency, minAmount, maxAmount, lang);
  }

  /** Needs in {@code currency} with an amount from {@code min} to {@code max} (either null). */
  public NeedsFilter withAmounts(String currency, Double min, Double max) {
    return new NeedsFilter(kind, region, program, currency, min, max, lang);
  }

  /** Labels in {@code lang}: {@code en} or {@code fa}. */
  public NeedsFilter withLang(String value) {
    return new NeedsFilter(kind, region, program, currency, minAmount, maxAmount, value);
  }
}
