package org.rishe.common.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProgramImpactGapTest {
  private static ProgramImpactGap outcome(
      String reason,
      long enrolled,
      long inScope,
      long treated,
      long comparison,
      long outside,
      Double median,
      Integer endDays) {
    return new ProgramImpactGap(
        "nsw",
        "earnings_1978",
        reason,
        enrolled,
        inScope,
        treated,
        comparison,
        outside,
        median,
        30,
        endDays,
        20);
  }

  @Test
  void anOutcomeMeasuredAfterTheWindowSaysHowManyAndWhen() {
    ProgramImpactGap lalonde =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 185, 185, 0, 0, 185, 1095.0, 365);

    assertThat(lalonde.describe())
        .isEqualTo(
            "185 enrolled, 0 outcomes in the follow-up window of 30–365 days; 185 observed"
                + " outside it, at a median 1,095 days after enrolment");
  }

  @Test
  void anOpenWindowAndPeopleOutOfScopeAreWordedAsSuch() {
    ProgramImpactGap early =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 1200, 1150, 0, 40, 0, null, null);

    assertThat(early.describe())
        .isEqualTo(
            "1,200 enrolled (1,150 in scope), 0 outcomes in the follow-up window of 30 days or"
                + " more; none observed after enrolment");
  }

  @Test
  void aResearchersSentenceLeavesTheInScopeCountOutWhenFewAreOutOfScope() {
    // 185 enrolled, 182 in scope: "(182 in scope)" beside 185 would give the 3 out of scope away
    ProgramImpactGap three =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 185, 182, 0, 0, 0, null, 365);

    assertThat(three.describe(11))
        .isEqualTo(
            "185 enrolled, 0 outcomes in the follow-up window of 30–365 days; none observed"
                + " after enrolment");
    assertThat(three.describe()).startsWith("185 enrolled (182 in scope), 0 outcomes");
  }

  @Test
  void tooFewPeopleWithTheOutcomeNameTheGroupAndTheMinimum() {
    assertThat(outcome(ProgramImpactGap.TOO_FEW_TREATED, 40, 40, 12, 500, 3, 20.0, 365).describe())
        .isEqualTo("12 enrolled with the outcome in the window, fewer than the 20 needed");
    assertThat(outcome(ProgramImpactGap.TOO_FEW_COMPARISON, 40, 40, 25, 8, 0, null, 365).describe())
        .isEqualTo("8 comparison people with the outcome in the window, fewer than the 20 needed");
  }

  @Test
  void aResearchersSentenceHidesCountsOfOneToKMinusOneAndTheirMedian() {
    ProgramImpactGap few =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 185, 185, 0, 0, 7, 1095.0, 365);
    ProgramImpactGap tiny = outcome(ProgramImpactGap.TOO_FEW_TREATED, 9, 9, 4, 500, 0, null, 365);

    assertThat(few.describe(11))
        .isEqualTo(
            "185 enrolled, 0 outcomes in the follow-up window of 30–365 days; fewer than 11"
                + " observed outside it")
        .doesNotContain("7")
        .doesNotContain("1,095");
    assertThat(tiny.describe(11))
        .isEqualTo(
            "fewer than 11 enrolled with the outcome in the window, fewer than the 20 needed");
    assertThat(few.describe()).contains("7 observed outside it, at a median 1,095 days");
  }

  @Test
  void aProgrammeLevelReasonHasNoOutcome() {
    ProgramImpactGap noBirthDates =
        new ProgramImpactGap(
            "PRG09",
            null,
            ProgramImpactGap.NOBODY_IN_SCOPE,
            12,
            0,
            null,
            null,
            null,
            null,
            30,
            null,
            20);

    assertThat(noBirthDates.describe())
        .isEqualTo(
            "12 enrolled, none in scope: none has a birth date or year giving an age at enrolment"
                + " within the scope");
    assertThat(noBirthDates.describe(11)).startsWith("12 enrolled, none in scope");
  }

  @Test
  void inPersianTheSentenceHasPersianWordsAndDigitsAndNoLatinOnes() {
    ProgramImpactGap lalonde =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 1500, 1500, 0, 0, 7, 400.0, 365);
    ProgramImpactGap.Wording persian = new ProgramImpactGap.Wording(true, 0, false);

    assertThat(lalonde.describe(persian))
        .isEqualTo(
            "۱٬۵۰۰ ثبت‌نام‌شده، ۰ پیامد در پنجرهٔ پیگیری ۳۰ تا ۳۶۵ روز؛ ۷ بیرون از آن مشاهده شده،"
                + " با میانهٔ ۴۰۰ روز پس از ثبت‌نام")
        .doesNotContainPattern("[0-9A-Za-z]");
    assertThat(
            outcome(ProgramImpactGap.TOO_FEW_TREATED, 40, 40, 12, 500, 3, 20.0, null)
                .describe(persian))
        .isEqualTo("۱۲ ثبت‌نام‌شده با پیامد در پنجره، کمتر از ۲۰ نفر لازم");
    assertThat(
            outcome(ProgramImpactGap.NOT_ESTIMATED, 1200, 1150, 300, 4000, 0, null, null)
                .describe(persian))
        .isEqualTo(
            "۱٬۲۰۰ ثبت‌نام‌شده (۱٬۱۵۰ در دامنه)، ۳۰۰ با پیامد در پنجره و ۴٬۰۰۰ نفر از گروه"
                + " مقایسه؛ برآوردگر برآوردی نداد");
  }

  @Test
  void everyReasonIsWordedInPersian() {
    ProgramImpactGap.Wording persian = new ProgramImpactGap.Wording(true, 11, false);
    for (String reason : ProgramImpactGap.REASONS) {
      assertThat(outcome(reason, 1200, 1150, 25, 30, 12, 90.0, null).describe(persian))
          .as(reason)
          .isNotBlank()
          .doesNotContainPattern("[0-9A-Za-z]");
    }
  }

  @Test
  void aResearchersPersianSentenceHidesTheSameCounts() {
    ProgramImpactGap few =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 185, 185, 0, 0, 7, 1095.0, 365);

    assertThat(few.describe(new ProgramImpactGap.Wording(true, 11, false)))
        .isEqualTo(
            "۱۸۵ ثبت‌نام‌شده، ۰ پیامد در پنجرهٔ پیگیری ۳۰ تا ۳۶۵ روز؛ کمتر از ۱۱ بیرون از آن مشاهده شده")
        .doesNotContain("۷")
        .doesNotContain("۱٬۰۹۵");
  }

  @Test
  void aWithheldEnrolledCountIsNotGivenAtAnySize() {
    ProgramImpactGap early =
        outcome(ProgramImpactGap.NO_OUTCOME_IN_WINDOW, 1200, 1150, 0, 40, 0, null, null);

    assertThat(early.describe(new ProgramImpactGap.Wording(false, 11, true)))
        .isEqualTo(
            "a withheld number enrolled, 0 outcomes in the follow-up window of 30 days or more;"
                + " none observed after enrolment")
        .doesNotContain("1,200")
        .doesNotContain("1,150");
    assertThat(early.describe(new ProgramImpactGap.Wording(true, 11, true)))
        .startsWith("شماری ناگفته ثبت‌نام‌شده، ")
        .doesNotContain("۱٬۲۰۰")
        .doesNotContain("۱٬۱۵۰");
  }

  @Test
  void anUnknownReasonOrAnUpsideDownWindowIsRefused() {
    assertThatThrownBy(() -> outcome("bad_luck", 1, 1, 0, 0, 0, null, 365))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown reason bad_luck");
    assertThatThrownBy(() -> outcome(ProgramImpactGap.TOO_FEW_TREATED, 1, 1, 1, 0, 0, null, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("follow-up window must satisfy 0 <= start <= end days, got 30..20");
  }
}
