package org.rishe.common.catalogue;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalogue entry: a problem, a risk factor or an outcome measure, with how its observed values
 * are read as exposed or not.
 *
 * @param threshold for a number factor, the cut-off; null when the indicator has none
 * @param causalRank where the code comes in the order of events among the codes of its tier (family
 *     factors, person factors, problems): lower happens earlier, equal ranks are not ordered; null
 *     when unknown (docs/data-contract.md)
 */
public record Indicator(
    String code,
    Kind kind,
    ValueType valueType,
    String domain,
    String labelEn,
    String labelFa,
    Double threshold,
    Direction direction,
    Integer causalRank)
    implements java.io.Serializable {

  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

  /** The catalogue column of {@link #causalRank()}. */
  public static final String CAUSAL_RANK = "causal_rank";

  /** Values that record a missing answer for any indicator type. */
  public static final Set<String> MISSING_ANSWERS = Set.of("unknown", "refused", "not_collected");

  public Indicator {
    Objects.requireNonNull(code, "code is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(valueType, "valueType is null");
    Objects.requireNonNull(direction, "direction is null");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "indicator code '" + code + "' must match [a-z][a-z0-9_]*");
    }
    labelEn = labelEn == null || labelEn.isBlank() ? code : labelEn;
    labelFa = labelFa == null || labelFa.isBlank() ? labelEn : labelFa;
    domain = domain == null ? "" : domain;
    if (causalRank != null && causalRank < 0) {
      throw new IllegalArgumentException(CAUSAL_RANK);
    }
  }

  /**
   * Reads an observed value: true when it counts as exposed, false when it counts as unexposed,
   * empty when it is a missing answer or cannot be read as exposure at all.
   */
  public Optional<Boolean> exposure(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || MISSING_ANSWERS.contains(v)) {
      return Optional.empty();
    }
    switch (valueType) {
      case BOOLEAN:
        if (v.equals("true")) {
          return Optional.of(true);
        }
        if (v.equals("false")) {
          return Optional.of(false);
        }
        return Optional.empty();
      case NUMBER:
        if (threshold == null) {
          return Optional.empty();
        }
        try {
          double number = Double.parseDouble(v);
          return Optional.of(
              direction == Direction.BELOW ? number < threshold : number > threshold);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  /** What the indicator records. */
  public enum Kind {
    PROBLEM,
    FACTOR,
    OUTCOME;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> parse(String text) {
      return parseEnum(Kind.class, text);
    }
  }

  /** How an observed value is written. */
  public enum ValueType {
    BOOLEAN,
    NUMBER,
    CATEGORY;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ValueType> parse(String text) {
      return parseEnum(ValueType.class, text);
    }
  }

  /** Which side of the threshold counts as exposed. */
  public enum Direction {
    BELOW,
    ABOVE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Direction> parse(String text) {
      return parseEnum(Direction.class, text);
    }
  }

  private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.trim())) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
