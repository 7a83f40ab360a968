package org.rishe.analytics.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.GeneratedWarehouse;
import org.rishe.analytics.donations.JourneyTransforms;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.needs.NeedRefs;
import org.rishe.common.results.ResultTables;

/**
 * The board on the generated batch read from the curated Delta tables (subjects stored as {@code
 * family:}/{@code person:} and a pseudonym), checked against the needs, people and families
 * collected here and joined in plain Java: which needs are on it, their regions, days open, sex,
 * and each group's size recounted from the subjects.
 */
class GeneratedNeedsBoardTest {
  private static LocalDate asOf;
  private static List<Row> board;
  private static Map<String, Row> needs = new HashMap<>();
  private static Map<String, Row> people = new HashMap<>();
  private static Map<String, String> familyRegions = new HashMap<>();

  @BeforeAll
  static void compute() {
    CuratedInputs inputs = GeneratedWarehouse.inputs();
    asOf =
        NeedsBoardTransforms.asOf(
            inputs.table(Entity.NEEDS),
            JourneyTransforms.latestActivity(
                inputs.table(Entity.DONATIONS), inputs.table(Entity.AID_EVENTS)));
    board =
        NeedsBoardTransforms.board(
                inputs.table(Entity.NEEDS),
                inputs.table(Entity.PEOPLE),
                inputs.table(Entity.FAMILIES),
                asOf,
                new NeedRefs(new byte[32]))
            .collectAsList();
    inputs
        .table(Entity.NEEDS)
        .select("need_id", "subject", "kind", "region", "program_id", "opened_on", "status")
        .collectAsList()
        .forEach(row -> needs.put(row.getString(0), row));
    inputs
        .people()
        .select("person_id", "family_id", "birth_date", "birth_year", "sex")
        .collectAsList()
        .forEach(row -> people.put(row.getString(0), row));
    inputs
        .table(Entity.FAMILIES)
        .select("family_id", "region")
        .collectAsList()
        .forEach(row -> familyRegions.put(row.getString(0), row.getString(1)));
  }

  private static LocalDate day(Object value) {
    return value instanceof LocalDate local ? local : ((java.sql.Date) value).toLocalDate();
  }

  @Test
  void exactlyTheOpenAndPledgedNeedsWithTheirRegionsAndDaysOpen() {
    long givable =
        needs.values().stream()
            .filter(row -> Set.of("open", "pledged").contains(row.getString(6)))
            .count();
    assertThat(board).hasSize((int) givable).hasSizeGreaterThan(100);
    assertThat(new HashSet<>(board.stream().map(row -> row.getAs(ResultTables.NEED_REF)).toList()))
        .hasSize(board.size());
    for (Row row : board) {
      Row need = needs.get(row.<String>getAs(ResultTables.NEED_ID));
      String subject = need.getString(1);
      String id = subject.substring(subject.indexOf(':') + 1);
      String family = subject.startsWith("family:") ? id : null;
      if (family == null && people.containsKey(id)) {
        family = people.get(id).getString(1);
      }
      String expectedRegion =
          need.getString(3) != null ? need.getString(3) : familyRegions.get(family);
      assertThat((String) row.getAs(ResultTables.REGION)).as(subject).isEqualTo(expectedRegion);
      assertThat((int) row.<Integer>getAs(ResultTables.DAYS_OPEN))
          .isEqualTo((int) (asOf.toEpochDay() - day(need.get(5)).toEpochDay()))
          .isNotNegative();
    }
  }

  @Test
  void groupsAreTheDistinctPeopleSharingRegionKindProgrammeAgeBandAndSex() {
    Map<List<Object>, Set<String>> groups = new HashMap<>();
    int people = 0;
    for (Row row : board) {
      String subject = needs.get(row.<String>getAs(ResultTables.NEED_ID)).getString(1);
      String id = subject.substring(subject.indexOf(':') + 1);
      boolean person =
          subject.startsWith("person:") && GeneratedNeedsBoardTest.people.containsKey(id);
      if (!person) {
        assertThat((Object) row.getAs(ResultTables.GROUP_SIZE)).as(subject).isNull();
        assertThat((Object) row.getAs(ResultTables.AGE_BAND)).isNull();
        assertThat((Object) row.getAs(ResultTables.SEX)).isNull();
        continue;
      }
      people++;
      String sex = GeneratedNeedsBoardTest.people.get(id).getString(4);
      assertThat((String) row.getAs(ResultTables.SEX))
          .isEqualTo(sex == null || sex.equals("unknown") ? null : sex);
      groups
          .computeIfAbsent(
              java.util.Arrays.asList(
                  row.getAs(ResultTables.REGION),
                  row.getAs(ResultTables.KIND),
                  row.getAs(ResultTables.PROGRAM_ID),
                  row.getAs(ResultTables.AGE_BAND),
                  row.getAs(ResultTables.SEX)),
              key -> new HashSet<>())
          .add(id);
    }
    assertThat(people).isGreaterThan(20);
    for (Row row : board) {
      if (row.getAs(ResultTables.GROUP_SIZE) == null) {
        continue;
      }
      List<Object> key =
          java.util.Arrays.asList(
              row.getAs(ResultTables.REGION),
              row.getAs(ResultTables.KIND),
              row.getAs(ResultTables.PROGRAM_ID),
              row.getAs(ResultTables.AGE_BAND),
              row.getAs(ResultTables.SEX));
      assertThat((int) row.<Integer>getAs(ResultTables.GROUP_SIZE))
          .as(Objects.toString(key))
          .isEqualTo(groups.get(key).size());
    }
  }
}
