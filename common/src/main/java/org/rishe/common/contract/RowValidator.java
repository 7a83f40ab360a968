package org.rishe.common.contract;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;
import org.rishe.common.privacy.Pseudonymizer;

/**
 * Checks one row of an entity file against the data contract and types its values. Everything that
 * can be decided from the row alone and the catalogue is decided here; references to other rows and
 * duplicate keys are set-based checks left to the ingest job. Serializable, with its catalogue, so
 * that the tasks staging a file's parts validate rows on the executors.
 */
public final class RowValidator implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Longest follow-up window a programme may give, in days (a century). */
  public static final long MAX_FOLLOW_UP_DAYS = 36_500;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern DESIGNATION = Pattern.compile("(program|family|person|need):(.+)");
  private static final Pattern SUBJECT = Pattern.compile("(family|person):(.+)");
  private static final String FOLLOW_UP_START = "follow_up_start_days";
  private static final String FOLLOW_UP_END = "follow_up_end_days";

  private final Entity entity;
  private final Catalogue catalogue;
  private final DateParser dates;
  private final Pseudonymizer pseudonymizer;

  public RowValidator(
      Entity entity, Catalogue catalogue, DateParser dates, Pseudonymizer pseudonymizer) {
    this.entity = requireNonNull(entity, "entity is null");
    this.catalogue = requireNonNull(catalogue, "catalogue is null");
    this.dates = requireNonNull(dates, "dates is null");
    this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
  }

  /**
   * Validates a row given as column name to cell text (null or blank for an empty cell; personal
   * identifier columns already removed).
   */
  public RowResult validate(Map<String, String> row) {
    Instant deletedAt = null;
    String deletedText = blankToNull(row.get(Entity.DELETED_AT));
    if (deletedText != null) {
      Optional<Instant> parsed = dates.timestamp(deletedText);
      if (parsed.isEmpty()) {
        return new RowResult.Rejected(
            Reason.INVALID_TIMESTAMP, Entity.DELETED_AT, "deleted_at is not an ISO-8601 timestamp");
      }
      deletedAt = parsed.get();
    }
    Object[] values = new Object[entity.fields().size()];
    for (int i = 0; i < values.length; i++) {
      Field field = entity.fields().get(i);
      boolean keyOnly = deletedAt != null && !entity.key().contains(field.name());
      String text = blankToNull(row.get(field.name()));
      if (text == null) {
        text = field.defaultValue();
      }
      if (text == null) {
        if (field.required() && !keyOnly) {
          return new RowResult.Rejected(
              Reason.MISSING_REQUIRED, field.name(), field.name() + " is required");
        }
        continue;
      }
      if (keyOnly) {
        continue;
      }
      Object typed = typed(field, text);
      if (typed instanceof RowResult.Rejected rejected) {
        return rejected;
      }
      values[i] = typed;
    }
    if (deletedAt != null) {
      return new RowResult.Accepted(values, deletedAt);
    }
    Optional<RowResult.Rejected> problem = checkRow(values);
    if (problem.isPresent()) {
      return problem.get();
    }
    return new RowResult.Accepted(values, null);
  }

  private Object typed(Field field, String text) {
    String name = field.name();
    switch (field.type()) {
      case TEXT:
        return text;
      case IDENTIFIER:
        return pseudonymizer.pseudonym(text);
      case CODE:
        return Indicator.CODE.matcher(text).matches()
            ? text
            : new RowResult.Rejected(
                Reason.INVALID_CODE, name, name + " must match [a-z][a-z0-9_]*");
      case DATE:
        Optional<LocalDate> date = dates.date(text);
        if (date.isPresent()) {
          return date.get();
        }
        return new RowResult.Rejected(
            Reason.INVALID_DATE, name, name + " is not a valid YYYY-MM-DD (or YYYY/MM/DD) date");
      case TIMESTAMP:
        Optional<Instant> instant = dates.timestamp(text);
        if (instant.isPresent()) {
          return instant.get();
        }
        return new RowResult.Rejected(
            Reason.INVALID_TIMESTAMP, name, name + " is not an ISO-8601 timestamp with offset");
      case INTEGER:
        try {
          return Long.parseLong(Digits.ascii(text.trim()));
        } catch (NumberFormatException e) {
          return new RowResult.Rejected(
              Reason.INVALID_NUMBER, name, name + " is not a whole number");
        }
      case NUMBER:
        return number(name, text);
      case BOOLEAN:
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          return Boolean.valueOf(lower);
        }
        return new RowResult.Rejected(
            Reason.INVALID_BOOLEAN, name, name + " must be true or false");
      case ENUM:
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (field.allowed().contains(value)) {
          return value;
        }
        return new RowResult.Rejected(
            Reason.VALUE_NOT_ALLOWED,
            name,
            name + " must be one of " + new java.util.TreeSet<>(field.allowed()));
      case DESIGNATION:
        return designation(text.trim());
      case SUBJECT:
        return subject(text.trim());
      case GEOMETRY:
        return Geometry.compact(text)
            .<Object>map(json -> json)
            .orElseGet(
                () ->
                    new RowResult.Rejected(
                        Reason.INVALID_GEOMETRY,
                        name,
                        name
                            + " must be a GeoJSON Polygon or MultiPolygon with longitude and"
                            + " latitude in degrees"));
      default:
        throw new IllegalStateException("unhandled field type " + field.type());
    }
  }

  private static Object number(String name, String text) {
    try {
      double number = Double.parseDouble(Digits.ascii(text.trim()));
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return new RowResult.Rejected(Reason.INVALID_NUMBER, name, name + " is not a number");
  }

  private Object designation(String text) {
    if (text.equalsIgnoreCase("general")) {
      return "general";
    }
    return target(
        DESIGNATION,
        text,
        "designation",
        "designation must be general, program:<id>, family:<id>, person:<id> or need:<id>");
  }

  private Object subject(String text) {
    return target(SUBJECT, text, "subject", "subject must be family:<id> or person:<id>");
  }

  /**
   * A {@code kind:<id>} value (a designation or a need's subject) in its stored form: a family or
   * person identifier replaced by its pseudonym, a programme or need id trimmed and kept as given.
   */
  private Object target(Pattern pattern, String text, String field, String message) {
    var matcher = pattern.matcher(text);
    if (!matcher.matches() || matcher.group(2).isBlank()) {
      return new RowResult.Rejected(Reason.VALUE_NOT_ALLOWED, field, message);
    }
    String kind = matcher.group(1);
    String target =
        namesPersonOrFamily(kind)
            ? pseudonymizer.pseudonym(matcher.group(2))
            : matcher.group(2).trim();
    return kind + ":" + target;
  }

  /**
   * Whether the id after {@code kind:} in a designation or subject is pseudonymised: every kind but
   * a programme or a need, whose ids are stored as given (an unknown kind too, in quarantine, since
   * it might name a person).
   */
  static boolean namesPersonOrFamily(String kind) {
    return !kind.equals("program") && !kind.equals("need");
  }

  /** Checks that involve more than one field, or the catalogue. */
  private Optional<RowResult.Rejected> checkRow(Object[] values) {
    return switch (entity) {
      case INDICATORS -> causalRank(values);
      case FAMILIES ->
          atLeast(values, "household_size", 1, false)
              .or(() -> atLeast(values, "monthly_income", 0, false));
      case PEOPLE -> birthYear(values);
      case PROGRAMS ->
          indicator(values, "target_problem", Indicator.Kind.PROBLEM)
              .or(() -> atLeast(values, "cost_per_participant", 0, false))
              .or(() -> followUpWindow(values));
      case CASES ->
          indicator(values, "problem", Indicator.Kind.PROBLEM)
              .or(() -> notBefore(values, "closed_on", "opened_on"));
      case OBSERVATIONS -> observationValue(values);
      case ENROLLMENTS -> notBefore(values, "exited_on", "enrolled_on");
      case NEEDS ->
          atLeast(values, "amount", 0, true)
              .or(() -> requiredWith(values, "currency", "amount"))
              .or(() -> currency(values));
      case DONATIONS -> atLeast(values, "amount", 0, true).or(() -> currency(values));
      case AID_EVENTS -> atLeast(values, "amount", 0, true);
      case VOLUNTEERS -> Optional.empty();
      case REGIONS -> notOwnParent(values);
    };
  }

  /**
   * A region cannot lie in itself. Longer cycles need the other regions, so the ingest finds them
   * over the whole table (IngestTransforms, {@code parent_cycle}).
   */
  private Optional<RowResult.Rejected> notOwnParent(Object[] values) {
    Object parent = value(values, "parent");
    if (parent != null && parent.equals(value(values, "region"))) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.VALUE_NOT_ALLOWED, "parent", "parent must be another region than region"));
    }
    return Optional.empty();
  }

  private void set(Object[] values, String field, Object value) {
    values[index(field)] = value;
  }

  private Object value(Object[] values, String field) {
    return values[index(field)];
  }

  private int index(String field) {
    for (int i = 0; i < entity.fields().size(); i++) {
      if (entity.fields().get(i).name().equals(field)) {
        return i;
      }
    }
    throw new IllegalArgumentException(entity + " has no field " + field);
  }

  private Optional<RowResult.Rejected> atLeast(
      Object[] values, String field, double minimum, boolean strictly) {
    Object value = value(values, field);
    if (value == null) {
      return Optional.empty();
    }
    double number = ((Number) value).doubleValue();
    if (strictly ? number > minimum : number >= minimum) {
      return Optional.empty();
    }
    String bound =
        (strictly ? "greater than " : "at least ")
            + (minimum == Math.rint(minimum)
                ? String.valueOf((long) minimum)
                : String.valueOf(minimum));
    return Optional.of(
        new RowResult.Rejected(Reason.OUT_OF_RANGE, field, field + " must be " + bound));
  }

  /**
   * An indicator's place in the order of events among the codes of its tier: a whole number from 0
   * (earliest), small enough to be read as an int.
   */
  private Optional<RowResult.Rejected> causalRank(Object[] values) {
    Long rank = (Long) value(values, Indicator.CAUSAL_RANK);
    if (rank != null && (rank < 0 || rank > Integer.MAX_VALUE)) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.OUT_OF_RANGE,
              Indicator.CAUSAL_RANK,
              Indicator.CAUSAL_RANK + " must be a whole number from 0 to " + Integer.MAX_VALUE));
    }
    return Optional.empty();
  }

  private Optional<RowResult.Rejected> birthYear(Object[] values) {
    Object year = value(values, "birth_year");
    if (year != null && ((Long) year < 1900 || (Long) year > 2200)) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.OUT_OF_RANGE, "birth_year", "birth_year must be between 1900 and 2200"));
    }
    return Optional.empty();
  }

  /**
   * A programme's own follow-up window: whole days after enrolment, the start from 0, the end
   * (empty for no end) not before the start. An end without a start is refused rather than paired
   * with the start of whichever analyze run reads it, which ingest cannot know and which may lie
   * after it. Both are capped at a century so that they stay well inside the analytics' day
   * arithmetic.
   */
  private Optional<RowResult.Rejected> followUpWindow(Object[] values) {
    Long start = (Long) value(values, FOLLOW_UP_START);
    Long end = (Long) value(values, FOLLOW_UP_END);
    for (String field : new String[] {FOLLOW_UP_START, FOLLOW_UP_END}) {
      Long days = (Long) value(values, field);
      if (days != null && (days < 0 || days > MAX_FOLLOW_UP_DAYS)) {
        return Optional.of(
            new RowResult.Rejected(
                Reason.OUT_OF_RANGE,
                field,
                field + " must be between 0 and " + MAX_FOLLOW_UP_DAYS + " days"));
      }
    }
    if (end != null && start == null) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.MISSING_REQUIRED,
              FOLLOW_UP_START,
              FOLLOW_UP_START + " is required when " + FOLLOW_UP_END + " is given"));
    }
    if (end != null && end < start) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.RANGE_ORDER,
              FOLLOW_UP_END,
              FOLLOW_UP_END + " (" + end + ") is before " + FOLLOW_UP_START + " (" + start + ")"));
    }
    return Optional.empty();
  }

  private Optional<RowResult.Rejected> notBefore(Object[] values, String later, String earlier) {
    LocalDate end = (LocalDate) value(values, later);
    LocalDate start = (LocalDate) value(values, earlier);
    if (end != null && start != null && end.isBefore(start)) {
      return Optional.of(
          new RowResult.Rejected(Reason.DATE_ORDER, later, later + " is before " + earlier));
    }
    return Optional.empty();
  }

  /** A column that is optional alone but required when another is given. */
  private Optional<RowResult.Rejected> requiredWith(Object[] values, String field, String given) {
    if (value(values, field) != null || value(values, given) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RowResult.Rejected(
            Reason.MISSING_REQUIRED, field, field + " is required when " + given + " is given"));
  }

  private Optional<RowResult.Rejected> currency(Object[] values) {
    String currency = (String) value(values, "currency");
    if (currency == null || CURRENCY.matcher(currency.trim()).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new RowResult.Rejected(
            Reason.VALUE_NOT_ALLOWED,
            "currency",
            "currency must be an ISO 4217 code such as IRR or USD"));
  }

  private Optional<RowResult.Rejected> indicator(
      Object[] values, String field, Indicator.Kind kind) {
    String code = (String) value(values, field);
    if (code == null) {
      return Optional.empty();
    }
    Optional<Indicator> indicator = catalogue.find(code);
    if (indicator.isEmpty()) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.UNKNOWN_INDICATOR, field, field + " '" + code + "' is not in the catalogue"));
    }
    if (kind != null && indicator.get().kind() != kind) {
      return Optional.of(
          new RowResult.Rejected(
              Reason.WRONG_INDICATOR_KIND,
              field,
              field
                  + " '"
                  + code
                  + "' is a "
                  + indicator.get().kind().code()
                  + ", not a "
                  + kind.code()));
    }
    return Optional.empty();
  }

  private Optional<RowResult.Rejected> observationValue(Object[] values) {
    Optional<RowResult.Rejected> unknown = indicator(values, "indicator", null);
    if (unknown.isPresent()) {
      return unknown;
    }
    Indicator indicator = catalogue.find((String) value(values, "indicator")).orElseThrow();
    String text = ((String) value(values, "value")).trim().toLowerCase(Locale.ROOT);
    if (Indicator.MISSING_ANSWERS.contains(text)) {
      return Optional.empty();
    }
    String ascii = Digits.ascii(text);
    if (indicator.valueType() == Indicator.ValueType.NUMBER && !ascii.equals(text)) {
      // stored as text and read as a number by analytics: kept in ASCII digits
      text = ascii;
      set(values, "value", ascii);
    }
    boolean valid =
        switch (indicator.valueType()) {
          case BOOLEAN -> text.equals("true") || text.equals("false");
          case NUMBER -> !(number("value", text) instanceof RowResult.Rejected);
          case CATEGORY -> true;
        };
    if (valid) {
      return Optional.empty();
    }
    return Optional.of(
        new RowResult.Rejected(
            Reason.INVALID_INDICATOR_VALUE,
            "value",
            "value does not fit indicator '"
                + indicator.code()
                + "' of type "
                + indicator.valueType().code()));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
