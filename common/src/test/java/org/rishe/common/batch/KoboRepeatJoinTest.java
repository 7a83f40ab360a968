package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    return read(mappingJson, target, source, files, RepeatParents.KeyBudget.DEFAULT);
  }

  private static List<SourceRow> read(
      String mappingJson,
      int target,
      String source,
      Map<String, String> files,
      RepeatParents.KeyBudget budget) {
    List<SourceRow> rows = new ArrayList<>();
    try (BatchFileReader reader = open(mappingJson, target, source, files, budget)) {
      Optional<SourceRow> row;
      while ((row = reader.next()).isPresent()) {
        rows.add(row.get());
      }
    }
    return rows;
  }

  private static BatchFileReader open(
      String mappingJson,
      int target,
      String source,
      Map<String, String> files,
      RepeatParents.KeyBudget budget) {
    KoboMapping mapping =
        KoboMapping.parse("visit.kobo.json", mappingJson.getBytes(StandardCharsets.UTF_8));
    KoboMapping.Target t = mapping.targets().get(target);
    return KoboBatchFileReader.open(
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
        },
        budget);
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
    List<SourceRow> rows =
        readWorkbook(
            String.format(MEMBERS, "\"parent\": \"household\", "),
            households("9,1,household,2", "7,2,household,5"));

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

  @Test
  void parentKeysPastTheBudgetGoToSortedTemporaryFilesAndJoinTheRowsAsInMemory(@TempDir Path folder)
      throws IOException {
    // 300 submissions, then 20 of a second export appended (its _index again from 1), and i % 3
    // children of the i-th submission of each: 300 + 21 children, listed second export first
    StringBuilder visits = new StringBuilder("_uuid,_index\n");
    StringBuilder children =
        new StringBuilder("child/sex,_index,_parent_index,_submission__uuid\n");
    for (int i = 1; i <= 300; i++) {
      visits.append("u").append(i).append(',').append(i).append('\n');
    }
    for (int i = 1; i <= 20; i++) {
      visits.append("v").append(i).append(',').append(i).append('\n');
    }
    int child = 0;
    for (String export : List.of("v", "u")) {
      for (int i = 1; i <= (export.equals("v") ? 20 : 300); i++) {
        for (int c = 0; c < i % 3; c++) {
          child++;
          children.append("m,").append(child).append(',').append(i).append(',');
          children.append(export).append(i).append('\n');
        }
      }
    }
    children.append("f,900,999,\n"); // line 323: an orphan
    children.append("m,901,5,\n"); // line 324: _index 5 is u5's and v5's
    children.append("f,902,7,u8\n"); // line 325: u7 has _index 7
    children.append("m,903,,u42\n"); // line 326: joined by its uuid alone
    children.append("f,904,,u999\n"); // line 327: an orphan
    Map<String, String> files =
        Map.of("visit.csv", visits.toString(), "visit_child.csv", children.toString());

    List<SourceRow> inMemory = read(KOBO_MAPPING, 0, "visit_child.csv", files);
    List<SourceRow> spilled;
    try (BatchFileReader reader =
        open(KOBO_MAPPING, 0, "visit_child.csv", files, new RepeatParents.KeyBudget(3, folder))) {
      assertThat(((KoboBatchFileReader) reader).parentKeysSpilled()).isTrue();
      // 320 parent rows 3 at a time are 107 runs a map, merged into one sorted file a map
      try (var left = Files.list(folder)) {
        assertThat(left).hasSize(2);
      }
      spilled = new ArrayList<>();
      Optional<SourceRow> row;
      while ((row = reader.next()).isPresent()) {
        spilled.add(row.get());
      }
    }

    try (var left = Files.list(folder)) {
      assertThat(left).isEmpty();
    }
    assertThat(spilled).isEqualTo(inMemory);
    assertThat(spilled).hasSize(21 + 300 + 5);
    assertThat(spilled.subList(0, 3))
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 v1-1 of v1", "3 v2-2 of v2", "4 v2-3 of v2");
    assertThat(spilled.subList(21, 24))
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("23 u1-22 of u1", "24 u2-23 of u2", "25 u2-24 of u2");
    assertThat(spilled.subList(321, 326))
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly(
            "323 unmatched_parent",
            "324 unmatched_parent",
            "325 unmatched_parent",
            "326 u42-903 of u42",
            "327 unmatched_parent");
    assertThat(spilled.stream().filter(row -> row.unreadableReason().isPresent())).hasSize(4);
  }

  @Test
  void aRowWhoseParentTableNameIsNotTheParentExportsIsRejectedNamingBoth() {
    List<SourceRow> rows =
        readChildren(
            """
            child/sex,_index,_parent_table_name,_parent_index,_submission__uuid
            m,1,visit,1,u1
            f,2,Visit,2,u2
            m,3,household,3,u3
            f,4,,3,u3
            """);

    // read 4 = joined 3 + rejected 1
    assertThat(rows)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 u1-1 of u1", "3 u2-2 of u2", "4 unmatched_parent", "5 u3-4 of u3");
    assertThat(message(rows.get(2)))
        .isEqualTo(
            "_parent_table_name 'household' does not name visit.csv, the rows the mapping joins"
                + " this repeat group to; name the sheet or file of 'household' in the target's"
                + " \"parent\", or its table name in \"parent_table\" when the file is named"
                + " otherwise");
  }

  @Test
  void anInnerRepeatGroupMappedWithoutItsParentIsRejectedNotJoinedToTheSubmissions()
      throws IOException {
    // the member sheet's rows belong to the household sheet's, but the target names no "parent":
    // by _parent_index alone member 1 would join submission u2, whose _index is 2 too
    byte[] workbook = households("9,1,household,2");

    List<SourceRow> withoutParent = readWorkbook(String.format(MEMBERS, ""), workbook);
    List<SourceRow> withParent =
        readWorkbook(String.format(MEMBERS, "\"parent\": \"household\", "), workbook);

    assertThat(withoutParent)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 unmatched_parent");
    assertThat(message(withoutParent.get(0)))
        .startsWith(
            "_parent_table_name 'household' does not name visit.xlsx#visit, the rows the mapping"
                + " joins this repeat group to");
    assertThat(withParent).extracting(KoboRepeatJoinTest::joined).containsExactly("2 u2-1 of u2");
  }

  @Test
  void aFormTitleLongerThanASheetNameNamesTheSheetKoboToolboxShortenedItTo() throws IOException {
    // KoboToolbox names the submissions' sheet after the form, cut to Excel's 31 characters
    String title = "Household visit: winter round 2024";
    String sheet = "Household visit_ winter roun...";
    String mapping =
        "{\"entity\": \"people\", \"sheet\": \"child\", \"columns\": {\"person_id\":"
            + " {\"template\": \"{_submission__uuid}-{_index}\"}, \"family_id\":"
            + " \"_submission__uuid\", \"registered_on\": {\"constant\": \"2024-05-01\"}}}";
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      KoboMappingTest.fill(book.createSheet(sheet), "_uuid,_index", "u1,1");
      var child = book.createSheet("child");
      KoboMappingTest.fill(child, "_index,_parent_table_name,_parent_index", "1,x,1", "2,x,1");
      child.getRow(1).getCell(1).setCellValue(title);
      child.getRow(2).getCell(1).setCellValue("Household visit: summer round 2024");
      book.write(out);
      workbook = out.toByteArray();
    }

    assertThat(sheet).hasSize(31);
    assertThat(readWorkbook(mapping, workbook))
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 u1-1 of u1", "3 unmatched_parent");
  }

  @Test
  void aParentFileSavedUnderAnotherNameIsNamedByTheTargetsParentTable() {
    String mapping =
        """
        {"export": "visits_2024.csv", "targets": [
          {"entity": "people", "export": "children_2024.csv", %s"columns": {
            "person_id": {"template": "{_submission__uuid}-{_index}"},
            "family_id": "_submission__uuid",
            "registered_on": {"constant": "2024-05-01"}}}]}
        """;
    Map<String, String> files =
        Map.of(
            "visits_2024.csv",
            "_uuid,_index\nu1,1\n",
            "children_2024.csv",
            "_index,_parent_table_name,_parent_index\n1,Household visit,1\n2,child,1\n");

    assertThat(read(String.format(mapping, ""), 0, "children_2024.csv", files))
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 unmatched_parent", "3 unmatched_parent");
    List<SourceRow> declared =
        read(
            String.format(mapping, "\"parent_table\": \"household_visit\", "),
            0,
            "children_2024.csv",
            files);
    assertThat(declared)
        .extracting(KoboRepeatJoinTest::joined)
        .containsExactly("2 u1-1 of u1", "3 unmatched_parent");
    assertThat(message(declared.get(1)))
        .startsWith(
            "_parent_table_name 'child' does not name visits_2024.csv (its \"parent_table\""
                + " 'household_visit')");
  }

  /** A target of the people of the sheet "member", with {@code %s} for more settings. */
  private static final String MEMBERS =
      "{\"entity\": \"people\", \"sheet\": \"member\", %s\"columns\": {\"person_id\":"
          + " {\"template\": \"{_submission__uuid}-{_index}\"}, \"family_id\":"
          + " \"_submission__uuid\", \"registered_on\": {\"constant\": \"2024-05-01\"}}}";

  /**
   * A KoboToolbox XLSX export of two submissions, a household (an outer repeat group) each, and the
   * household members given (an inner one, of an older export: {@code
   * member/age,_index,_parent_table_name,_parent_index}).
   */
  private static byte[] households(String... members) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      KoboMappingTest.fill(book.createSheet("visit"), "_uuid,_index", "u1,1", "u2,2");
      KoboMappingTest.fill(
          book.createSheet("household"),
          "hh/size,_index,_parent_table_name,_parent_index,_submission__uuid",
          "3,1,visit,1,u1",
          "4,2,visit,2,u2");
      String[] lines = new String[members.length + 1];
      lines[0] = "member/age,_index,_parent_table_name,_parent_index";
      System.arraycopy(members, 0, lines, 1, members.length);
      KoboMappingTest.fill(book.createSheet("member"), lines);
      book.write(out);
      return out.toByteArray();
    }
  }

  private static List<SourceRow> readWorkbook(String target, byte[] workbook) {
    KoboMapping mapping =
        KoboMapping.parse(
            "visit.kobo.json",
            ("{\"export\": \"visit.xlsx\", \"targets\": [" + target + "]}")
                .getBytes(StandardCharsets.UTF_8));
    List<SourceRow> rows = new ArrayList<>();
    KoboMapping.Target t = mapping.targets().get(0);
    try (BatchFileReader reader =
        BatchFileReader.openKobo(
            mapping,
            t,
            BatchFileReader.sheetSource("visit.xlsx", t.sheet()),
            new ByteArrayInputStream(workbook),
            BatchEncoding.UTF_8,
            name -> new ByteArrayInputStream(workbook))) {
      Optional<SourceRow> row;
      while ((row = reader.next()).isPresent()) {
        rows.add(row.get());
      }
    }
    return rows;
  }
}
