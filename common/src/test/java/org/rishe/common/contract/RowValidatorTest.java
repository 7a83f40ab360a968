package org.rishe.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.privacy.Pseudonymizer;

class RowValidatorTest {
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);

  private static RowResult validate(Entity entity, String... pairs) {
    return validate(entity, DateParser.BatchCalendar.GREGORIAN, pairs);
  }

  private static RowResult validate(
      Entity entity, DateParser.BatchCalendar calendar, String... pairs) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    return new RowValidator(
            entity, Catalogue.defaultCatalogue(), new DateParser(calendar), PSEUDONYMS)
        .validate(row);
  }

  private static String reason(RowResult result) {
    assertThat(result).isInstanceOf(RowResult.Rejected.class);
    return ((RowResult.Rejected) result).reason().code();
  }

  private static Object value(RowResult result, Entity entity, String field) {
    assertThat(result).as("accepted").isInstanceOf(RowResult.Accepted.class);
    int index = entity.fields().indexOf(entity.field(field).orElseThrow());
    return ((RowResult.Accepted) result).values()[index];
  }

  @Test
  void missingRequiredFieldIsRejectedNamingTheField() {
    RowResult result = validate(Entity.FAMILIES, "family_id", "F1", "registered_on", "2024-01-01");

    assertThat(reason(result)).isEqualTo("missing_required");
    assertThat(((RowResult.Rejected) result).message()).isEqualTo("region is required");
  }

  @Test
  void typesAreCheckedAndValuesTyped() {
    assertThat(
            reason(
                validate(
                    Entity.FAMILIES,
                    "family_id",
                    "F1",
                    "region",
                    "R1",
                    "registered_on",
                    "2024-01-01",
                    "household_size",
                    "four")))
        .isEqualTo("invalid_number");
    assertThat(
            reason(
                validate(
                    Entity.FAMILIES,
                    "family_id",
                    "F1",
                    "region",
                    "R1",
                    "registered_on",
                    "2024-02-30")))
        .isEqualTo("invalid_date");
    assertThat(
            reason(
                validate(
                    Entity.FAMILIES,
                    "family_id",
                    "F1",
                    "region",
                    "R1",
                    "registered_on",
                    "2024-01-01",
                    "household_size",
                    "0")))
        .isEqualTo("out_of_range");
    assertThat(
            reason(
                validate(
                    Entity.FAMILIES,
                    "family_id",
                    "F1",
                    "region",
                    "R1",
                    "registered_on",
                    "2024-01-01",
                    "monthly_income",
                    "-5")))
        .isEqualTo("out_of_range");
    assertThat(
            reason(
                validate(
                    Entity.FAMILIES,
                    "family_id",
                    "F1",
                    "region",
                    "R1",
                    "registered_on",
                    "2024-01-01",
                    "housing",
                    "castle")))
        .isEqualTo("value_not_allowed");
    RowResult family =
        validate(
            Entity.FAMILIES,
            "family_id",
            "F1",
            "region",
            "R1",
            "registered_on",
            "2024-01-01",
            "household_size",
            "4",
            "housing",
            "Rented");
    assertThat(value(family, Entity.FAMILIES, "household_size")).isEqualTo(4L);
    assertThat(value(family, Entity.FAMILIES, "housing")).isEqualTo("rented");
    assertThat(value(family, Entity.FAMILIES, "registered_on")).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(value(family, Entity.FAMILIES, "family_id")).isEqualTo(PSEUDONYMS.pseudonym("F1"));
  }

  @Test
  void consentDefaultsToTrueAndMustBeBoolean() {
    RowResult person =
        validate(
            Entity.PEOPLE, "person_id", "P1", "family_id", "F1", "registered_on", "2024-01-01");

    assertThat(value(person, Entity.PEOPLE, "consent_analytics")).isEqualTo(true);
    assertThat(
            reason(
                validate(
                    Entity.PEOPLE,
                    "person_id",
                    "P1",
                    "family_id",
                    "F1",
                    "registered_on",
                    "2024-01-01",
                    "consent_analytics",
                    "yes")))
        .isEqualTo("invalid_boolean");
  }

  @Test
  void casesNeedAProblemCodeAndCloseAfterTheyOpen() {
    assertThat(
            reason(
                validate(
                    Entity.CASES,
                    "case_id",
                    "C1",
                    "person_id",
                    "P1",
                    "problem",
                    "Child Labour",
                    "opened_on",
                    "2024-01-01")))
        .isEqualTo("invalid_code");
    assertThat(
            reason(
                validate(
                    Entity.CASES,
                    "case_id",
                    "C1",
                    "person_id",
                    "P1",
                    "problem",
                    "space_travel",
                    "opened_on",
                    "2024-01-01")))
        .isEqualTo("unknown_indicator");
    assertThat(
            reason(
                validate(
                    Entity.CASES,
                    "case_id",
                    "C1",
                    "person_id",
                    "P1",
                    "problem",
                    "parent_unemployed",
                    "opened_on",
                    "2024-01-01")))
        .isEqualTo("wrong_indicator_kind");
    assertThat(
            reason(
                validate(
                    Entity.CASES,
                    "case_id",
                    "C1",
                    "person_id",
                    "P1",
                    "problem",
                    "delinquency",
                    "opened_on",
                    "2024-03-01",
                    "closed_on",
                    "2024-02-01")))
        .isEqualTo("date_order");
    RowResult ok =
        validate(
            Entity.CASES,
            "case_id",
            "C1",
            "person_id",
            "P1",
            "problem",
            "delinquency",
            "opened_on",
            "2024-03-01",
            "updated_at",
            "2025-03-01T10:15:00+03:30");
    assertThat(value(ok, Entity.CASES, "updated_at"))
        .isEqualTo(Instant.parse("2025-03-01T06:45:00Z"));
  }

  @Test
  void aProgrammeMayGiveItsOwnFollowUpWindowOpenEndedOrClosed() {
    RowResult closed = program("follow_up_start_days", "30", "follow_up_end_days", "1100");
    RowResult open = program("follow_up_start_days", "60");
    RowResult oneDay = program("follow_up_start_days", "0", "follow_up_end_days", "0");
    RowResult none = program();

    assertThat(value(closed, Entity.PROGRAMS, "follow_up_start_days")).isEqualTo(30L);
    assertThat(value(closed, Entity.PROGRAMS, "follow_up_end_days")).isEqualTo(1100L);
    assertThat(value(open, Entity.PROGRAMS, "follow_up_start_days")).isEqualTo(60L);
    assertThat(value(open, Entity.PROGRAMS, "follow_up_end_days")).isNull();
    assertThat(value(oneDay, Entity.PROGRAMS, "follow_up_end_days")).isEqualTo(0L);
    assertThat(value(none, Entity.PROGRAMS, "follow_up_start_days")).isNull();
    assertThat(value(none, Entity.PROGRAMS, "follow_up_end_days")).isNull();
  }

  @Test
  void aBadFollowUpWindowQuarantinesTheProgrammeNamingTheField() {
    RowResult negative = program("follow_up_start_days", "-1");
    RowResult tooLong = program("follow_up_start_days", "30", "follow_up_end_days", "36501");
    RowResult reversed = program("follow_up_start_days", "30", "follow_up_end_days", "20");
    RowResult endAlone = program("follow_up_end_days", "365");
    RowResult fraction = program("follow_up_start_days", "30.5");

    assertThat(reason(negative)).isEqualTo("out_of_range");
    assertThat(((RowResult.Rejected) negative).field()).isEqualTo("follow_up_start_days");
    assertThat(((RowResult.Rejected) negative).message())
        .isEqualTo("follow_up_start_days must be between 0 and 36500 days");
    assertThat(reason(tooLong)).isEqualTo("out_of_range");
    assertThat(((RowResult.Rejected) tooLong).field()).isEqualTo("follow_up_end_days");
    assertThat(reason(reversed)).isEqualTo("range_order");
    assertThat(((RowResult.Rejected) reversed).field()).isEqualTo("follow_up_end_days");
    assertThat(((RowResult.Rejected) reversed).message())
        .isEqualTo("follow_up_end_days (20) is before follow_up_start_days (30)");
    assertThat(reason(endAlone)).isEqualTo("missing_required");
    assertThat(((RowResult.Rejected) endAlone).message())
        .isEqualTo("follow_up_start_days is required when follow_up_end_days is given");
    assertThat(reason(fraction)).isEqualTo("invalid_number");
  }

  @Test
  void anIndicatorsCausalRankIsAWholeNumberFromZeroOrEmptyForUnknown() {
    assertThat(value(indicator("causal_rank", "3"), Entity.INDICATORS, "causal_rank"))
        .isEqualTo(3L);
    assertThat(value(indicator("causal_rank", "0"), Entity.INDICATORS, "causal_rank"))
        .isEqualTo(0L);
    assertThat(value(indicator("causal_rank", ""), Entity.INDICATORS, "causal_rank")).isNull();
    assertThat(value(indicator(), Entity.INDICATORS, "causal_rank")).isNull();

    RowResult negative = indicator("causal_rank", "-1");
    RowResult fraction = indicator("causal_rank", "1.5");
    RowResult word = indicator("causal_rank", "early");
    RowResult huge = indicator("causal_rank", "3000000000");
    assertThat(reason(negative)).isEqualTo("out_of_range");
    assertThat(((RowResult.Rejected) negative).field()).isEqualTo("causal_rank");
    assertThat(((RowResult.Rejected) negative).message())
        .isEqualTo("causal_rank must be a whole number from 0 to 2147483647");
    assertThat(reason(huge)).isEqualTo("out_of_range");
    assertThat(reason(fraction)).isEqualTo("invalid_number");
    assertThat(((RowResult.Rejected) fraction).message())
        .isEqualTo("causal_rank is not a whole number");
    assertThat(reason(word)).isEqualTo("invalid_number");
  }

  private static RowResult indicator(String... rank) {
    return validate(
        Entity.INDICATORS,
        concat(new String[] {"code", "truancy", "kind", "factor", "value_type", "boolean"}, rank));
  }

  private static RowResult program(String... window) {
    return validate(
        Entity.PROGRAMS,
        concat(new String[] {"program_id", "PRG01", "name", "Back to School"}, window));
  }

  @Test
  void observationValuesFollowTheIndicatorTypeAndMissingAnswersAreAccepted() {
    assertThat(
            reason(
                validate(
                    Entity.OBSERVATIONS,
                    "subject_id",
                    "P1",
                    "indicator",
                    "parent_unemployed",
                    "observed_on",
                    "2024-01-01",
                    "value",
                    "maybe")))
        .isEqualTo("invalid_indicator_value");
    assertThat(
            reason(
                validate(
                    Entity.OBSERVATIONS,
                    "subject_id",
                    "P1",
                    "indicator",
                    "household_income",
                    "observed_on",
                    "2024-01-01",
                    "value",
                    "lots")))
        .isEqualTo("invalid_indicator_value");
    assertThat(
            validate(
                Entity.OBSERVATIONS,
                "subject_id",
                "P1",
                "indicator",
                "household_income",
                "observed_on",
                "2024-01-01",
                "value",
                "120.5"))
        .isInstanceOf(RowResult.Accepted.class);
    assertThat(
            validate(
                Entity.OBSERVATIONS,
                "subject_id",
                "P1",
                "indicator",
                "parent_unemployed",
                "observed_on",
                "2024-01-01",
                "value",
                "refused"))
        .isInstanceOf(RowResult.Accepted.class);
    RowResult family =
        validate(
            Entity.OBSERVATIONS,
            "subject_id",
            "F1",
            "subject_type",
            "family",
            "indicator",
            "parent_unemployed",
            "observed_on",
            "2024-01-01",
            "value",
            "true");
    assertThat(value(family, Entity.OBSERVATIONS, "subject_type")).isEqualTo("family");
    assertThat(
            value(
                validate(
                    Entity.OBSERVATIONS,
                    "subject_id",
                    "P1",
                    "indicator",
                    "parent_unemployed",
                    "observed_on",
                    "2024-01-01",
                    "value",
                    "true"),
                Entity.OBSERVATIONS,
                "subject_type"))
        .isEqualTo("person");
  }

  @Test
  void donationsNeedPositiveAmountIsoCurrencyAndAValidDesignation() {
    String[] base = {
      "donation_id", "D1", "donor_id", "X1", "received_on", "2024-01-01", "currency", "IRR"
    };
    assertThat(reason(validate(Entity.DONATIONS, concat(base, "amount", "0"))))
        .isEqualTo("out_of_range");
    assertThat(
            reason(
                validate(
                    Entity.DONATIONS,
                    "donation_id",
                    "D1",
                    "donor_id",
                    "X1",
                    "received_on",
                    "2024-01-01",
                    "currency",
                    "rial",
                    "amount",
                    "5")))
        .isEqualTo("value_not_allowed");
    assertThat(
            reason(
                validate(Entity.DONATIONS, concat(base, "amount", "5", "designation", "school:9"))))
        .isEqualTo("value_not_allowed");
    RowResult toFamily =
        validate(Entity.DONATIONS, concat(base, "amount", "5", "designation", "family:F7"));
    assertThat(value(toFamily, Entity.DONATIONS, "designation"))
        .isEqualTo("family:" + PSEUDONYMS.pseudonym("F7"));
    assertThat(value(toFamily, Entity.DONATIONS, "donor_id")).isEqualTo(PSEUDONYMS.pseudonym("X1"));
    assertThat(
            value(
                validate(Entity.DONATIONS, concat(base, "amount", "5")),
                Entity.DONATIONS,
                "designation"))
        .isEqualTo("general");
    assertThat(
            value(
                validate(
                    Entity.DONATIONS, concat(base, "amount", "5", "designation", "program:PRG01")),
                Entity.DONATIONS,
                "designation"))
        .isEqualTo("program:PRG01");
    assertThat(
            value(
                validate(
                    Entity.DONATIONS, concat(base, "amount", "5", "designation", " need: N-7 ")),
                Entity.DONATIONS,
                "designation"))
        .as("a need id is kept as given, like a donation id")
        .isEqualTo("need:N-7");
    RowResult.Rejected noNeed =
        (RowResult.Rejected)
            validate(Entity.DONATIONS, concat(base, "amount", "5", "designation", "need: "));
    assertThat(noNeed.reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);
    assertThat(noNeed.message())
        .isEqualTo(
            "designation must be general, program:<id>, family:<id>, person:<id> or need:<id>");
  }

  private static final String[] NEED = {
    "need_id", "N1",
    "subject", "family:F7",
    "kind", "School_Fees",
    "opened_on", "2024-09-01",
    "status", "open",
    "updated_at", "2024-09-02T10:00:00+03:30"
  };

  private static RowResult.Rejected rejectedNeed(String... more) {
    RowResult result = validate(Entity.NEEDS, concat(NEED, more));
    assertThat(result).as("rejected").isInstanceOf(RowResult.Rejected.class);
    return (RowResult.Rejected) result;
  }

  @Test
  void aNeedKeepsItsSubjectAsAKindAndThePseudonymOfTheFamilyOrPerson() {
    RowResult family = validate(Entity.NEEDS, NEED);
    assertThat(value(family, Entity.NEEDS, "need_id")).isEqualTo("N1");
    assertThat(value(family, Entity.NEEDS, "subject"))
        .isEqualTo("family:" + PSEUDONYMS.pseudonym("F7"));
    assertThat(value(family, Entity.NEEDS, "kind")).isEqualTo("school_fees");
    assertThat(value(family, Entity.NEEDS, "amount")).isNull();
    assertThat(value(family, Entity.NEEDS, "currency")).isNull();
    assertThat(value(family, Entity.NEEDS, "opened_on")).isEqualTo(LocalDate.of(2024, 9, 1));
    assertThat(value(family, Entity.NEEDS, "updated_at"))
        .isEqualTo(Instant.parse("2024-09-02T06:30:00Z"));

    RowResult person =
        validate(
            Entity.NEEDS,
            concat(
                NEED,
                "subject",
                "person: P3 ",
                "amount",
                "۱۲٫۵",
                "currency",
                "USD",
                "program_id",
                "PRG01",
                "region",
                "R02",
                "status",
                " Pledged"));
    assertThat(value(person, Entity.NEEDS, "subject"))
        .isEqualTo("person:" + PSEUDONYMS.pseudonym("P3"));
    assertThat(value(person, Entity.NEEDS, "amount")).isEqualTo(12.5);
    assertThat(value(person, Entity.NEEDS, "currency")).isEqualTo("USD");
    assertThat(value(person, Entity.NEEDS, "program_id")).isEqualTo("PRG01");
    assertThat(value(person, Entity.NEEDS, "region")).isEqualTo("R02");
    assertThat(value(person, Entity.NEEDS, "status")).isEqualTo("pledged");
  }

  @Test
  void aBadNeedIsQuarantinedWithTheReasonFieldAndMessageTheContractGives() {
    RowResult.Rejected subject = rejectedNeed("subject", "household:F7");
    assertThat(subject.reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);
    assertThat(subject.field()).isEqualTo("subject");
    assertThat(subject.message()).isEqualTo("subject must be family:<id> or person:<id>");
    assertThat(rejectedNeed("subject", "F7").reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);
    assertThat(rejectedNeed("subject", "family:").reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);

    RowResult.Rejected kind = rejectedNeed("kind", "tuition");
    assertThat(kind.reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);
    assertThat(kind.field()).isEqualTo("kind");
    assertThat(kind.message())
        .isEqualTo(
            "kind must be one of [clothing, food, medical, other, rent, school_fees,"
                + " school_supplies, utilities]");
    RowResult.Rejected status = rejectedNeed("status", "closed");
    assertThat(status.reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);
    assertThat(status.message()).isEqualTo("status must be one of [met, open, pledged, withdrawn]");

    RowResult.Rejected noStatus = rejectedNeed("status", " ");
    assertThat(noStatus.reason()).isEqualTo(Reason.MISSING_REQUIRED);
    assertThat(noStatus.message()).isEqualTo("status is required");
    assertThat(rejectedNeed("updated_at", "").reason()).isEqualTo(Reason.MISSING_REQUIRED);
    assertThat(rejectedNeed("updated_at", "2024-09-02T10:00:00").reason())
        .isEqualTo(Reason.INVALID_TIMESTAMP);
    assertThat(rejectedNeed("opened_on", "2024-09-31").reason()).isEqualTo(Reason.INVALID_DATE);
    assertThat(rejectedNeed("amount", "a lot", "currency", "IRR").reason())
        .isEqualTo(Reason.INVALID_NUMBER);

    RowResult.Rejected zero = rejectedNeed("amount", "0", "currency", "IRR");
    assertThat(zero.reason()).isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(zero.field()).isEqualTo("amount");
    assertThat(zero.message()).isEqualTo("amount must be greater than 0");
    RowResult.Rejected noCurrency = rejectedNeed("amount", "400");
    assertThat(noCurrency.reason()).isEqualTo(Reason.MISSING_REQUIRED);
    assertThat(noCurrency.field()).isEqualTo("currency");
    assertThat(noCurrency.message()).isEqualTo("currency is required when amount is given");
    RowResult.Rejected rial = rejectedNeed("amount", "400", "currency", "rial");
    assertThat(rial.reason()).isEqualTo(Reason.VALUE_NOT_ALLOWED);
    assertThat(rial.field()).isEqualTo("currency");
  }

  @Test
  void aNeedTombstoneNeedsOnlyItsKeyAndQuarantineKeepsTheSubjectPseudonymised() {
    RowResult tombstone =
        validate(Entity.NEEDS, "need_id", "N1", "deleted_at", "2024-10-01T00:00:00Z");
    assertThat(((RowResult.Accepted) tombstone).tombstone()).isTrue();

    Map<String, String> raw = new java.util.LinkedHashMap<>();
    raw.put("need_id", "N1");
    raw.put("subject", "person:P3");
    raw.put("status", "closed");
    raw.put("program_id", "PRG01");
    assertThat(RawRows.sanitisedJson(Entity.NEEDS, raw, PSEUDONYMS))
        .isEqualTo(
            "{\"need_id\":\"N1\",\"subject\":\"person:"
                + PSEUDONYMS.pseudonym("P3")
                + "\",\"program_id\":\"PRG01\",\"status\":\"closed\"}");
    Map<String, String> donation = Map.of("donation_id", "D1", "designation", "need:N1");
    assertThat(RawRows.sanitisedJson(Entity.DONATIONS, donation, PSEUDONYMS))
        .isEqualTo("{\"donation_id\":\"D1\",\"designation\":\"need:N1\"}");
  }

  @Test
  void aidEventsNeedAKnownStageAndATimestamp() {
    assertThat(
            reason(
                validate(
                    Entity.AID_EVENTS,
                    "donation_id",
                    "D1",
                    "stage",
                    "teleported",
                    "at",
                    "2024-01-01")))
        .isEqualTo("value_not_allowed");
    assertThat(
            reason(
                validate(
                    Entity.AID_EVENTS,
                    "donation_id",
                    "D1",
                    "stage",
                    "delivered",
                    "at",
                    "yesterday")))
        .isEqualTo("invalid_timestamp");
    RowResult dateOnly =
        validate(Entity.AID_EVENTS, "donation_id", "D1", "stage", "delivered", "at", "2024-01-02");
    assertThat(value(dateOnly, Entity.AID_EVENTS, "at"))
        .isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
  }

  @Test
  void aTombstoneNeedsOnlyItsKey() {
    RowResult tombstone =
        validate(Entity.PEOPLE, "person_id", "P1", "deleted_at", "2024-05-01T00:00:00Z");

    assertThat(tombstone).isInstanceOf(RowResult.Accepted.class);
    assertThat(((RowResult.Accepted) tombstone).tombstone()).isTrue();
    assertThat(reason(validate(Entity.PEOPLE, "person_id", "P1", "deleted_at", "soon")))
        .isEqualTo("invalid_timestamp");
  }

  @Test
  void jalaliDatesConvertAndInvalidJalaliDatesAreRejected() {
    RowResult nowruz =
        validate(
            Entity.FAMILIES,
            DateParser.BatchCalendar.JALALI,
            "family_id",
            "F1",
            "region",
            "R1",
            "registered_on",
            "1404-01-01");
    // 1404-12-30 does not exist: 1404 is not a leap year in the Solar Hijri calendar.
    RowResult noSuchDay =
        validate(
            Entity.FAMILIES,
            DateParser.BatchCalendar.JALALI,
            "family_id",
            "F1",
            "region",
            "R1",
            "registered_on",
            "1404-12-30");

    assertThat(value(nowruz, Entity.FAMILIES, "registered_on"))
        .isEqualTo(LocalDate.of(2025, 3, 21));
    assertThat(reason(noSuchDay)).isEqualTo("invalid_date");
  }

  @Test
  void persianAndArabicIndicDigitsAndDatesWithSlashesAreReadAsPersianExcelWritesThem() {
    // a Jalali date with slashes and one-digit month and day, in Persian digits; 1404/1/1 is
    // Nowruz 2025, 21 March
    RowResult persian =
        validate(
            Entity.FAMILIES,
            DateParser.BatchCalendar.JALALI,
            "family_id",
            "F۱",
            "region",
            "R1",
            "registered_on",
            "۱۴۰۴/۱/۱",
            "household_size",
            "۴",
            "monthly_income",
            "۱۲٫۵");
    RowResult arabicIndic =
        validate(
            Entity.FAMILIES,
            "family_id",
            "F2",
            "region",
            "R1",
            "registered_on",
            "٢٠٢٤/٠٣/٢٠",
            "household_size",
            "٣");
    RowResult income =
        validate(
            Entity.OBSERVATIONS,
            "subject_id",
            "P1",
            "indicator",
            "household_income",
            "observed_on",
            "2024/1/5",
            "value",
            "۱۲۰٫۵");

    assertThat(value(persian, Entity.FAMILIES, "registered_on"))
        .isEqualTo(LocalDate.of(2025, 3, 21));
    assertThat(value(persian, Entity.FAMILIES, "household_size")).isEqualTo(4L);
    assertThat(value(persian, Entity.FAMILIES, "monthly_income")).isEqualTo(12.5);
    // identifiers are kept exactly as written
    assertThat(value(persian, Entity.FAMILIES, "family_id"))
        .isEqualTo(PSEUDONYMS.pseudonym("F۱"))
        .isNotEqualTo(PSEUDONYMS.pseudonym("F1"));
    assertThat(value(arabicIndic, Entity.FAMILIES, "registered_on"))
        .isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(value(arabicIndic, Entity.FAMILIES, "household_size")).isEqualTo(3L);
    assertThat(value(income, Entity.OBSERVATIONS, "observed_on"))
        .isEqualTo(LocalDate.of(2024, 1, 5));
    // a number indicator's value is stored as text that analytics reads as a number
    assertThat(value(income, Entity.OBSERVATIONS, "value")).isEqualTo("120.5");
    String[] family = {"family_id", "F3", "region", "R1"};
    assertThat(reason(validate(Entity.FAMILIES, concat(family, "registered_on", "2024/01-05"))))
        .isEqualTo("invalid_date");
    assertThat(
            reason(
                validate(
                    Entity.FAMILIES,
                    concat(family, "registered_on", "2024-01-05", "monthly_income", "1,200"))))
        .isEqualTo("invalid_number");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
