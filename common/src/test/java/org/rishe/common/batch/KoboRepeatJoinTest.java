package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rishe.common.contract.Reason;

/**
 * A repeat group's rows joined to the submissions they belong to: KoboToolbox exports with {@code
 * _submission__uuid} and {@code _parent_index}, older ones with {@code _parent_index} alone, and
 * ODK Central exports with {@code PARENT_KEY} and {@code KEY}; a row whose parent is missing,
 * ambiguous or named two ways that disagree is rejected as {@code unmatched_parent}.
 */
class KoboRepeatJoinTest {

  /** A KoboToolbox CSV export of three submissions, as downloaded (names and all). */
  private static final String VISITS =
      """
      hh/respondent_name,hh/region,_id,_uuid,_submission_time,_index
      Zahra,tehran,101,u1,2024-05-10T07:49:45,1
      Leila,mashhad,102,u2,2024-05-11T08:00:00,2
      Maryam,tehran,103,u3,2024-05-12T09:30:00,3
      """;

  /** The children of each visit, a person each, their family the visit's submission. */
  private static final String KOBO_MAPPING =
      """
      {"export": "visit.csv", "targets": [
        {"entity": "people", "export": "visit_child.csv", "columns": {
          "person_id": {"template": "{_submission__uuid}-{_index}"},
          "family_id": "_submission__uuid",
          "sex": {"field": "child/sex", "values": {"f": "female", "m": "male"}},
          "registered_on": {"constant": "2024-05-01"}}}]}
      """;

  private static List<SourceRow> read(
      String mappingJson, int target, String source, Map<String, String> files) {
    KoboMapping mapping =
        KoboMapping.parse("visit.kobo.json", mappingJson.getBytes(StandardCharsets.UTF_8));
    KoboMapping.Target t = mapping.targets().get(target);
    List<SourceRow> rows = new ArrayList<>();
    try (BatchFileReader reader =
        BatchFileReader.openKobo(
            mapping,
            t,
            source,
            stream(files.get(t.export())),
            BatchEncoding.UTF_8,
            name -> {
              if (!files.containsKey(name)) {
                throw new BatchFileException(name + " is not in the batch folder");
              }
              return stream(files.get(name));
            })) {
      Optional<SourceRow> row;
      while ((row = reader.next()).isPresent()) {
        rows.add(row.get());
      }
    }
    return rows;
  }

  private static List<SourceRow> readChildren(String children) {
    return read(
        KOBO_MAPPING,
        0,
        "visit_child.csv",
        Map.of("visit.csv", VISITS, "visit_child.csv", children));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String joined(SourceRow row) {
    return row.unreadableReason().isPresent()
        ? row.line() + " " + row.unreadableReason().get().reason().code()
        : row.line() + " " + row.values().get("person_id") + " of " + row.values().get("family_id");
  }

  private static String message(SourceRow row) {
    return row.unreadableReason().orElseThrow().message();
  }

  @Test
  void aRepeatRowIsJoinedByItsSubmissionUuidWhenItsParentIndexAgrees() {
    List<SourceRow> rows =
        readChildren(
            """
            child/child_name,child/sex,_index,_parent_table_name,_parent_index,_submission__id,_submission__uuid
            Ali,m,1,visit,1,101,u1
            Sara,f,2,visit,1,101,u1
            Reza,m,3,visit,3,103,u3
            """);

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 u1-1 of u1", "3 u1-2 of u1", "4 u3-3 of u3");
    assertThat(rows.get(0).values()).doesNotContainValue("Ali");
  }

  @Test
  void anOlderExportWithParentIndexAloneIsJoinedToTheSubmissionAtThatIndex() {
    List<SourceRow> rows =
        readChildren(
            """
            child/child_name,child/sex,_index,_parent_table_name,_parent_index
            Ali,m,1,visit,2
            Sara,f,2,visit,3
            """);

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 u2-1 of u2", "3 u3-2 of u3");
  }

  @Test
  void aParentIndexAndSubmissionUuidThatDisagreeRejectTheRow() {
    List<SourceRow> rows =
        readChildren(
            """
            child/sex,_index,_parent_index,_submission__uuid
            m,1,2,u1
            f,2,7,u1
            m,3,1,u1
            """);

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 unmatched_parent", "3 unmatched_parent", "4 u1-3 of u1");
    assertThat(message(rows.get(0)))
        .isEqualTo(
            "_parent_index 2 and _submission__uuid 'u1' disagree: the row of visit.csv with"
                + " _index 2 has _uuid 'u2'");
    assertThat(message(rows.get(1)))
        .isEqualTo(
            "_parent_index 7 and _submission__uuid 'u1' disagree: visit.csv has that _uuid but no"
                + " _index 7");
    assertThat(rows.get(0).values()).isEmpty();
  }

  @Test
  void anOrphanRowWhoseSubmissionIsNotInTheExportIsRejectedNamingIt() {
    List<SourceRow> rows =
        readChildren(
            """
            child/sex,_index,_parent_index,_submission__uuid
            m,1,9,
            f,2,,u9
            m,3,9,u9
            f,4,,
            m,5,1,u1
            """);

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly(
            "2 unmatched_parent",
            "3 unmatched_parent",
            "4 unmatched_parent",
            "5 unmatched_parent",
            "6 u1-5 of u1");
    assertThat(rows.subList(0, 4))
        .extracting(KoboRepeatJoinTest::message)
        .containsExactly(
            "_parent_index 9 is the _index of no row of visit.csv (orphan row)",
            "_submission__uuid 'u9' is the _uuid of no row of visit.csv (orphan row)",
            "_parent_index 9 is the _index of no row of visit.csv, nor is _submission__uuid 'u9' a"
                + " _uuid there (orphan row)",
            "_parent_index and _submission__uuid are empty: the row names no submission of"
                + " visit.csv");
    assertThat(rows.get(0).unreadableReason().orElseThrow().reason())
        .isEqualTo(Reason.UNMATCHED_PARENT);
  }

  @Test
  void aParentIndexTwoSubmissionsHoldIsAmbiguousUnlessTheUuidTellsThemApart() {
    // two exports put one after the other: each numbers its submissions from 1
    String visits = VISITS + "Nasrin,tabriz,201,v1,2024-06-01T10:00:00,1\n";
    List<SourceRow> rows =
        read(
            KOBO_MAPPING,
            0,
            "visit_child.csv",
            Map.of(
                "visit.csv",
                visits,
                "visit_child.csv",
                """
                child/sex,_index,_parent_index,_submission__uuid
                m,1,1,
                f,2,1,v1
                m,3,1,u1
                """));

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 unmatched_parent", "3 v1-2 of v1", "4 u1-3 of u1");
    assertThat(message(rows.get(0)))
        .isEqualTo(
            "_parent_index 1 is the _index of 2 rows of visit.csv and the row has no"
                + " _submission__uuid: the parent is ambiguous");
  }

  @Test
  void anOdkCentralRepeatFileIsJoinedByParentKeyAndItsKeyChecked() {
    String mapping =
        """
        {"export": "visit.csv", "group_separator": "-", "targets": [
          {"entity": "people", "export": "visit-child.csv", "columns": {
            "person_id": "KEY",
            "family_id": "_submission__uuid",
            "sex": {"field": "child/sex", "values": {"f": "female", "m": "male"}},
            "registered_on": {"constant": "2024-05-01"}}}]}
        """;
    String visits =
        """
        SubmissionDate,hh-region,meta-instanceID,KEY,SubmitterID,ReviewState
        2024-05-10T07:49:45.000Z,tehran,uuid:a1,uuid:a1,5,
        2024-05-11T08:00:00.000Z,mashhad,uuid:a2,uuid:a2,5,
        """;
    String children =
        """
        child-child_name,child-sex,PARENT_KEY,KEY
        Ali,m,uuid:a1,uuid:a1/child[1]
        Sara,f,uuid:a2,uuid:a2/child[1]
        Reza,m,uuid:a9,uuid:a9/child[1]
        Mina,f,uuid:a1,uuid:a2/child[2]
        Omid,m,,uuid:a1/child[3]
        """;

    List<SourceRow> rows =
        read(
            mapping,
            0,
            "visit-child.csv",
            Map.of("visit.csv", visits, "visit-child.csv", children));

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly(
            "2 uuid:a1/child[1] of uuid:a1",
            "3 uuid:a2/child[1] of uuid:a2",
            "4 unmatched_parent",
            "5 unmatched_parent",
            "6 unmatched_parent");
    assertThat(rows.subList(2, 5))
        .extracting(KoboRepeatJoinTest::message)
        .containsExactly(
            "PARENT_KEY 'uuid:a9' is the KEY of no row of visit.csv (orphan row)",
            "KEY 'uuid:a2/child[2]' and PARENT_KEY 'uuid:a1' disagree: a repeat row's KEY starts"
                + " with its parent's",
            "PARENT_KEY is empty: the row names no parent in visit.csv");
  }

  @Test
  void aNestedOdkRepeatBelongsToTheSubmissionItsOuterRowBelongsTo() {
    String mapping =
        """
        {"export": "visit.csv", "group_separator": "-", "targets": [
          {"entity": "people", "export": "visit-member.csv", "parent": "visit-household.csv",
           "columns": {
            "person_id": "KEY",
            "family_id": "_submission__uuid",
            "registered_on": {"constant": "2024-05-01"}}}]}
        """;
    String households =
        """
        hh-size,PARENT_KEY,KEY
        3,uuid:a1,uuid:a1/household[1]
        """;
    String members =
        """
        member-age,PARENT_KEY,KEY
        9,uuid:a1/household[1],uuid:a1/household[1]/member[1]
        """;

    List<SourceRow> rows =
        read(
            mapping,
            0,
            "visit-member.csv",
            Map.of("visit-household.csv", households, "visit-member.csv", members));

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 uuid:a1/household[1]/member[1] of uuid:a1");
  }

  @Test
  void aRepeatInsideARepeatOfAnXlsxExportFindsItsOuterRowOnTheSheetTheTargetNames()
      throws IOException {
    // the outer repeat's rows name their submission; the inner one's, of an older export, only
    // the _index of their outer row on the sheet "household"
    KoboMapping mapping =
        KoboMapping.parse(
            "visit.kobo.json",
            ("{\"export\": \"visit.xlsx\", \"targets\": [{\"entity\": \"people\","
                    + " \"sheet\": \"member\", \"parent\": \"household\", \"columns\":"
                    + " {\"person_id\": {\"template\": \"{_submission__uuid}-{_index}\"},"
                    + " \"family_id\": \"_submission__uuid\", \"registered_on\": {\"constant\":"
                    + " \"2024-05-01\"}}}]}")
                .getBytes(StandardCharsets.UTF_8));
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      KoboMappingTest.fill(book.createSheet("visit"), "_uuid,_index", "u1,1", "u2,2");
      KoboMappingTest.fill(
          book.createSheet("household"),
          "hh/size,_index,_parent_table_name,_parent_index,_submission__uuid",
          "3,1,visit,1,u1",
          "4,2,visit,2,u2");
      KoboMappingTest.fill(
          book.createSheet("member"),
          "member/age,_index,_parent_table_name,_parent_index",
          "9,1,household,2",
          "7,2,household,5");
      book.write(out);
      workbook = out.toByteArray();
    }

    List<SourceRow> rows = new ArrayList<>();
    try (BatchFileReader reader =
        BatchFileReader.openKobo(
            mapping,
            mapping.targets().get(0),
            "visit.xlsx#member",
            new ByteArrayInputStream(workbook),
            BatchEncoding.UTF_8,
            name -> new ByteArrayInputStream(workbook))) {
      Optional<SourceRow> row;
      while ((row = reader.next()).isPresent()) {
        rows.add(row.get());
      }
    }

    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 u2-1 of u2", "3 unmatched_parent");
    assertThat(message(rows.get(1)))
        .isEqualTo("_parent_index 5 is the _index of no row of visit.xlsx#household (orphan row)");
  }

  @Test
  void aRepeatExportWithoutItsSubmissionsFailsItsTargetNamingTheMissingFile() {
    assertThatThrownBy(
            () ->
                read(
                    KOBO_MAPPING,
                    0,
                    "visit_child.csv",
                    Map.of("visit_child.csv", "child/sex,_index,_parent_index\nm,1,1\n")))
        .isInstanceOf(BatchFileException.class)
        .hasMessage("visit.kobo.json: targets[1] (people): visit.csv is not in the batch folder");
  }

  @Test
  void aParentExportWithNoKeyToJoinByFailsItsTarget() {
    assertThatThrownBy(
            () ->
                read(
                    KOBO_MAPPING,
                    0,
                    "visit_child.csv",
                    Map.of(
                        "visit.csv",
                        "hh/region\ntehran\n",
                        "visit_child.csv",
                        "child/sex,_index,_parent_index\nm,1,1\n")))
        .isInstanceOf(BatchFileException.class)
        .hasMessageStartingWith(
            "visit.kobo.json: targets[1] (people): visit_child.csv: its rows belong to the rows of"
                + " visit.csv, which has no _index or _uuid column to find them by");
  }
}
