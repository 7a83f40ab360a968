package org.rishe.analytics.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.TestRows;
import org.rishe.common.needs.NeedRefs;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

/**
 * The board on hand-made needs judged on 2025-06-30. Family F1 (R01): eleven girls G1-G11 born
 * 2017-01-01 (8 years old: 6-11), each with an open school_fees need under PRG01 (G1 a second one,
 * pledged), and ten boys B1-B10 born 2016-05-01 (9: 6-11) with the same need: groups of 11 and 10
 * people, k and k−1 for k = 11. T (birth year 2013 only: 1 July 2013, 11 on the day, 6-11) has a
 * medical need; X (family F2) did not consent and has a need without a region of its own; family F2
 * (R02) has a rent need without amount; a met and a withdrawn need are not on the board.
 */
class NeedsBoardTransformsTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private static final byte[] SECRET = new byte[32];
  private static SparkSession spark;
  private static Map<String, Row> board;

  @BeforeAll
  static void board() {
    spark = TestSparkSessions.shared();
    List<Object[]> people = new ArrayList<>();
    List<Object[]> needs = new ArrayList<>();
    Timestamp updated = Timestamp.valueOf("2025-06-01 10:00:00");
    for (int i = 1; i <= 11; i++) {
      people.add(person("G" + i, "F1", LocalDate.of(2017, 1, 1), null, "female", null));
      needs.add(need("NG" + i, "person:G" + i, "school_fees", null, "open", updated));
    }
    needs.add(need("NG1b", "person:G1", "school_fees", null, "pledged", updated));
    for (int i = 1; i <= 10; i++) {
      people.add(person("B" + i, "F1", LocalDate.of(2016, 5, 1), null, "male", true));
      needs.add(need("NB" + i, "person:B" + i, "school_fees", "R01", "open", updated));
    }
    people.add(person("T", "F1", null, 2013, null, true));
    people.add(person("X", "F2", LocalDate.of(2015, 3, 3), null, "female", false));
    Object[] medical = need("NT", "person:T", "medical", null, "open", updated);
    medical[6] = null;
    medical[7] = LocalDate.of(2025, 6, 1);
    needs.add(medical);
    needs.add(need("NX", "person:X", "food", null, "open", updated));
    Object[] rent = need("NF", "family:F2", "rent", null, "pledged", updated);
    rent[3] = null;
    rent[4] = null;
    rent[6] = null;
    needs.add(rent);
    needs.add(need("NM", "person:G2", "school_fees", null, "met", updated));
    needs.add(need("NW", "family:F1", "food", null, "withdrawn", updated));

    Dataset<Row> peopleTable =
        TestRows.table(
            spark,
            "person_id STRING, family_id STRING, birth_date DATE, birth_year INT, sex STRING,"
                + " consent_analytics BOOLEAN, registered_on DATE",
            people.toArray(Object[][]::new));
    Dataset<Row> families =
        TestRows.table(
            spark,
            "family_id STRING, region STRING",
            new Object[] {"F1", "R01"},
            new Object[] {"F2", "R02"});
    Dataset<Row> needsTable = needs(needs);
    board =
        NeedsBoardTransforms.board(needsTable, peopleTable, families, AS_OF, new NeedRefs(SECRET))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(row -> row.getAs(ResultTables.NEED_ID), Function.identity()));
  }

  private static Dataset<Row> needs(List<Object[]> rows) {
    return TestRows.table(
        spark,
        "need_id STRING, subject STRING, kind STRING, amount DOUBLE, currency STRING, region"
            + " STRING, program_id STRING, opened_on DATE, status STRING, updated_at TIMESTAMP",
        rows.toArray(Object[][]::new));
  }

  private static Object[] person(
      String id, String family, LocalDate birth, Integer year, String sex, Boolean consent) {
    return new Object[] {id, family, birth, year, sex, consent, LocalDate.of(2020, 1, 1)};
  }

  private static Object[] need(
      String id, String subject, String kind, String region, String status, Timestamp updated) {
    return new Object[] {
      id,
      subject,
      kind,
      2_000_000.0,
      "IRR",
      region,
      "PRG01",
      LocalDate.of(2025, 1, 1),
      status,
      updated
    };
  }

  @Test
  void onlyOpenAndPledgedNeedsAreOnTheBoardEachWithItsOwnReference() {
    assertThat(board).hasSize(11 + 1 + 10 + 3).doesNotContainKeys("NM", "NW");
    assertThat(board.values())
        .allSatisfy(
            row ->
                assertThat((String) row.getAs(ResultTables.NEED_REF))
                    .isEqualTo(new NeedRefs(SECRET).ref(row.getAs(ResultTables.NEED_ID))));
    assertThat(
            new HashSet<>(
                board.values().stream().map(row -> row.getAs(ResultTables.NEED_REF)).toList()))
        .hasSize(25);
  }

  @Test
  void groupsCountDistinctPeopleElevenGirlsAndTenBoys() {
    Row girl = board.get("NG1");
    assertThat((String) girl.getAs(ResultTables.REGION)).isEqualTo("R01");
    assertThat((String) girl.getAs(ResultTables.AGE_BAND)).isEqualTo("6-11");
    assertThat((String) girl.getAs(ResultTables.SEX)).isEqualTo("female");
    // 12 needs, 11 people: G1's second need does not count her twice
    assertThat((Integer) girl.getAs(ResultTables.GROUP_SIZE)).isEqualTo(11);
    assertThat((Integer) board.get("NG1b").getAs(ResultTables.GROUP_SIZE)).isEqualTo(11);
    Row boy = board.get("NB10");
    assertThat((String) boy.getAs(ResultTables.SEX)).isEqualTo("male");
    assertThat((String) boy.getAs(ResultTables.AGE_BAND)).isEqualTo("6-11");
    assertThat((Integer) boy.getAs(ResultTables.GROUP_SIZE)).isEqualTo(10);
  }

  @Test
  void aBirthYearAloneIsFirstJulyAndUnknownSexIsNull() {
    Row t = board.get("NT");
    // 1 July 2013 to 30 June 2025: 11 years, a day short of 12
    assertThat((String) t.getAs(ResultTables.AGE_BAND)).isEqualTo("6-11");
    assertThat((Object) t.getAs(ResultTables.SEX)).isNull();
    assertThat((String) t.getAs(ResultTables.PROGRAM_ID)).isNull();
    assertThat((Integer) t.getAs(ResultTables.GROUP_SIZE)).isEqualTo(1);
    assertThat((Integer) t.getAs(ResultTables.DAYS_OPEN)).isEqualTo(29);
    assertThat((Integer) board.get("NG1").getAs(ResultTables.DAYS_OPEN)).isEqualTo(180);
  }

  @Test
  void familiesAndPeopleWhoDidNotConsentHaveNoDemographicsAndNoGroup() {
    Row x = board.get("NX");
    // the family's region, as for a consenting person: a null would mark X as one who did not
    assertThat((String) x.getAs(ResultTables.REGION)).isEqualTo("R02");
    assertThat((Object) x.getAs(ResultTables.AGE_BAND)).isNull();
    assertThat((Object) x.getAs(ResultTables.SEX)).isNull();
    assertThat((Object) x.getAs(ResultTables.GROUP_SIZE)).isNull();
    Row family = board.get("NF");
    assertThat((String) family.getAs(ResultTables.REGION)).isEqualTo("R02");
    assertThat((String) family.getAs(ResultTables.STATUS)).isEqualTo("pledged");
    assertThat((Object) family.getAs(ResultTables.AMOUNT)).isNull();
    assertThat((Object) family.getAs(ResultTables.CURRENCY)).isNull();
    assertThat((Object) family.getAs(ResultTables.AGE_BAND)).isNull();
    assertThat((Object) family.getAs(ResultTables.GROUP_SIZE)).isNull();
  }

  @Test
  void theDayJudgedOnIsTheLatestOfDonorActivityAndTheNeeds() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        need("A", "family:F1", "food", null, "open", Timestamp.valueOf("2025-03-02 08:00:00")));
    assertThat(NeedsBoardTransforms.asOf(needs(rows), LocalDate.of(2025, 1, 5)))
        .isEqualTo(LocalDate.of(2025, 3, 2));
    assertThat(NeedsBoardTransforms.asOf(needs(rows), LocalDate.of(2025, 4, 1)))
        .isEqualTo(LocalDate.of(2025, 4, 1));
  }
}
