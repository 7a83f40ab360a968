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
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rishe.common.contract.Entity;

/** The mapping file of a KoboToolbox/ODK export, and the export read through it. */
class KoboMappingTest {

  private static KoboMapping parse(String json) {
    return KoboMapping.parse("visit.kobo.json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A mapping of one target reading {@code visit.csv}. */
  private static String oneTarget(String target) {
    return "{\"export\": \"visit.csv\", \"targets\": [" + target + "]}";
  }

  private static List<SourceRow> read(KoboMapping mapping, int target, String csv) {
    InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    return rows(
        BatchFileReader.openKobo(
            mapping,
            mapping.targets().get(target),
            mapping.targets().get(target).export(),
            in,
            BatchEncoding.UTF_8,
            name -> {
              throw new BatchFileException(name + " is not in the batch folder");
            }));
  }

  private static List<SourceRow> rows(BatchFileReader reader) {
    List<SourceRow> rows = new ArrayList<>();
    try (reader) {
      Optional<SourceRow> row;
      while ((row = reader.next()).isPresent()) {
        rows.add(row.get());
      }
    }
    return rows;
  }

  @Test
  void theSampleMappingReadsItsColumnsValueMapsTemplatesAndIndicators() throws IOException {
    KoboMapping mapping =
        KoboMapping.parse(
            "household_visit.kobo.json", Files.readAllBytes(sample("household_visit.kobo.json")));

    assertThat(mapping.export()).isEqualTo("household_visit.csv");
    assertThat(mapping.delimiter()).isEqualTo(';');
    assertThat(mapping.digest()).hasSize(64);
    assertThat(mapping.targets())
        .extracting(t -> t.entity().fileName() + " " + t.export())
        .containsExactly(
            "families household_visit.csv",
            "observations household_visit.csv",
            "people household_visit_group_child.csv",
            "observations household_visit_group_child.csv");
    KoboMapping.Target families = mapping.targets().get(0);
    assertThat(families.columns().keySet())
        .containsExactly(
            "family_id", "region", "household_size", "monthly_income", "housing", "registered_on");
    assertThat(families.columns().get("housing").values()).containsEntry("rent", "rented");
    KoboMapping.Target people = mapping.targets().get(2);
    assertThat(people.columns().get("person_id").fields())
        .containsExactly("_submission__uuid", "_index");
    KoboMapping.Indicator hardships = mapping.targets().get(1).indicators().get(2);
    assertThat(hardships.selectMultiple()).isTrue();
    assertThat(hardships.choices())
        .containsEntry("food", "food_insecurity")
        .containsEntry("none", null);
    assertThat(mapping.targets().get(1).outputColumns())
        .containsExactly("subject_id", "subject_type", "observed_on", "indicator", "value");
  }

  @Test
  void theSampleExportReadsAsFamiliesWithTheBadAnswerRejectedAtItsLineAndNoPersonalColumn()
      throws IOException {
    KoboMapping mapping =
        KoboMapping.parse(
            "household_visit.kobo.json", Files.readAllBytes(sample("household_visit.kobo.json")));
    String export = Files.readString(sample("household_visit.csv"), StandardCharsets.UTF_8);

    List<SourceRow> families = read(mapping, 0, export);

    assertThat(families).hasSize(12);
    SourceRow first = families.get(0);
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.values())
        .containsEntry("family_id", "4dad2986-ce83-4960-aa06-e9ab85a0bcc1")
        .containsEntry("region", "R04")
        .containsEntry("housing", "owned")
        .containsEntry("registered_on", "2024-05-10")
        .containsOnlyKeys(
            "family_id", "region", "household_size", "monthly_income", "housing", "registered_on");
    SourceRow tent = families.get(4);
    assertThat(tent.line()).isEqualTo(6);
    assertThat(tent.values()).isEmpty();
    assertThat(tent.unreadableReason().orElseThrow().field()).isEqualTo("housing");
    assertThat(tent.unreadableReason().orElseThrow().message())
        .isEqualTo(
            "household/housing: the answer 'tent' is not in the mapping's values [own, rent,"
                + " informal, none] in household_visit.kobo.json");
    for (SourceRow row : families) {
      assertThat(row.values().values().toString()).doesNotContain("0912");
    }
  }

  @Test
  void aSelectMultipleAnswerBecomesARowPerChoiceAndYesNoBecomesTrueFalse() {
    KoboMapping mapping =
        parse(
            oneTarget(
                "{\"entity\": \"observations\", \"columns\": {\"subject_id\": \"_uuid\","
                    + " \"observed_on\": \"today\", \"subject_type\": {\"constant\": \"family\"}},"
                    + " \"indicators\": ["
                    + "{\"field\": \"hh/unemployed\", \"indicator\": \"parent_unemployed\","
                    + " \"values\": \"boolean\"},"
                    + "{\"field\": \"hh/needs\", \"choices\": {\"food\": \"food_insecurity\","
                    + " \"conflict\": \"family_conflict\", \"none\": null}}]}"));

    List<SourceRow> rows =
        read(
            mapping,
            0,
            "_uuid,today,hh/name,hh/unemployed,hh/needs\n"
                + "u1,2024-05-01,Zahra,Yes,food conflict\n"
                + "u2,2024-05-02,Ali,no,none\n"
                + "u3,2024-05-03,Reza,,\n"
                + "u4,2024-05-04,Sara,perhaps,food\n");

    assertThat(rows)
        .extracting(
            r -> r.line() + " " + r.values().get("indicator") + "=" + r.values().get("value"))
        .containsExactly(
            "2 parent_unemployed=true",
            "2 food_insecurity=true",
            "2 family_conflict=true",
            "3 parent_unemployed=false",
            "3 food_insecurity=false",
            "3 family_conflict=false",
            "5 null=null");
    assertThat(rows.get(0).values())
        .containsEntry("subject_id", "u1")
        .containsEntry("subject_type", "family")
        .containsEntry("observed_on", "2024-05-01");
    assertThat(rows.get(6).unreadableReason().orElseThrow().message())
        .startsWith("hh/unemployed: the answer 'perhaps' is not in the mapping's values (boolean");
  }

  @Test
  void groupPrefixesWithADashAndOneColumnPerChoiceAreRead() {
    KoboMapping mapping =
        parse(
            "{\"export\": \"visit.csv\", \"group_separator\": \"-\", \"targets\": ["
                + "{\"entity\": \"observations\", \"columns\": {\"subject_id\": \"_uuid\","
                + " \"observed_on\": {\"field\": \"_submission_time\", \"format\": \"date\"}},"
                + " \"indicators\": [{\"field\": \"hh/needs\", \"choices\": {\"food\":"
                + " \"food_insecurity\", \"conflict\": \"family_conflict\"}}]}]}");

    List<SourceRow> rows =
        read(
            mapping,
            0,
            "_uuid,_submission_time,hh-child_name,hh-needs-food,hh-needs-conflict\n"
                + "u1,2024-05-01T10:00:00,Zahra,1,0\n"
                + "u2,2024-05-02T10:00:00,Ali,True,maybe\n");

    assertThat(rows)
        .extracting(
            r -> r.line() + " " + r.values().get("indicator") + "=" + r.values().get("value"))
        .containsExactly("2 food_insecurity=true", "2 family_conflict=false", "3 null=null");
    assertThat(rows.get(0).values()).containsEntry("observed_on", "2024-05-01");
    assertThat(rows.get(2).unreadableReason().orElseThrow().message())
        .startsWith("hh-needs-conflict: the answer 'maybe'");
  }

  @Test
  void aRepeatGroupSheetOfAnXlsxExportIsReadWithItsRowNumbersAndSheet() throws IOException {
    KoboMapping mapping =
        parse(
            "{\"export\": \"visit.xlsx\", \"targets\": [{\"entity\": \"people\", \"sheet\":"
                + " \"group_child\", \"columns\": {\"person_id\": {\"template\":"
                + " \"{_submission__uuid}-{_index}\"}, \"family_id\": \"_submission__uuid\","
                + " \"sex\": {\"field\": \"group_child/sex\", \"values\": {\"f\": \"female\","
                + " \"m\": \"male\"}}, \"registered_on\": {\"constant\": \"2024-05-01\"}}}]}");
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill(book.createSheet("visit"), "_uuid,hh/name", "u1,Zahra");
      fill(
          book.createSheet("group_child"),
          "group_child/child_name,group_child/sex,_index,_parent_index,_submission__uuid",
          "Ali,m,1,1,u1",
          "Sara,x,2,1,u1");
      book.write(out);
      workbook = out.toByteArray();
    }

    List<SourceRow> rows =
        rows(
            BatchFileReader.openKobo(
                mapping,
                mapping.targets().get(0),
                "visit.xlsx#group_child",
                new ByteArrayInputStream(workbook),
                BatchEncoding.UTF_8,
                name -> new ByteArrayInputStream(workbook)));

    assertThat(rows.get(0).line()).isEqualTo(2);
    assertThat(rows.get(0).values())
        .containsEntry("person_id", "u1-1")
        .containsEntry("family_id", "u1")
        .containsEntry("sex", "male")
        .doesNotContainValue("Ali");
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(1).unreadableReason().orElseThrow().message())
        .startsWith("group_child/sex: the answer 'x'");
  }

  /** Writes comma-separated lines into a sheet, a cell each, as text. */
  static void fill(XSSFSheet sheet, String... lines) {
    for (int r = 0; r < lines.length; r++) {
      String[] cells = lines[r].split(",");
      var row = sheet.createRow(r);
      for (int c = 0; c < cells.length; c++) {
        row.createCell(c).setCellValue(cells[c]);
      }
    }
  }

  @Test
  void aFieldTheExportLacksFailsNamingTheMappingTheTargetAndTheField() {
    KoboMapping mapping =
        parse(
            oneTarget(
                "{\"entity\": \"families\", \"columns\": {\"family_id\": \"_uuid\", \"region\":"
                    + " \"hh/regoin\", \"registered_on\": \"today\"}}"));

    assertThatThrownBy(() -> read(mapping, 0, "_uuid,hh/region,today\nu1,R01,2024-01-01\n"))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(
            "visit.kobo.json: targets[1] (families): the form field 'hh/regoin' is not a column"
                + " of visit.csv");
  }

  @Test
  void eachMistakeOfAMappingFailsItWithOneLineNamingTheSetting() {
    String families = "\"family_id\": \"_uuid\", \"region\": \"r\", \"registered_on\": \"d\"";
    assertError("{", "visit.kobo.json: not valid JSON at line 1,");
    assertError("[]", "visit.kobo.json: must be a JSON object with \"export\" and \"targets\"");
    assertError("{\"targets\": []}", "visit.kobo.json: export: is required");
    assertError(
        "{\"export\": \"visit.csv\", \"targets\": []}",
        "visit.kobo.json: targets: must be a list of at least one target entity");
    assertError(
        "{\"export\": \"visit.csv\", \"sheets\": 1, \"targets\": []}",
        "visit.kobo.json: sheets: unknown setting; the settings here are csv_delimiter, export,"
            + " group_separator, targets");
    assertError(
        "{\"export\": \"visit.csv\", \"group_separator\": \"_\", \"targets\": []}",
        "visit.kobo.json: group_separator: must be one of /, -, . or :, not '_'");
    assertError(
        oneTarget("{\"entity\": \"familes\", \"columns\": {}}"),
        "visit.kobo.json: targets[1].entity: unknown entity 'familes'; one of indicators,");
    assertError(
        oneTarget("{\"entity\": \"families\", \"columns\": {" + families + ", \"regoin\": \"r\"}}"),
        "visit.kobo.json: targets[1] (families).columns: families has no column 'regoin'; its"
            + " columns are family_id,");
    assertError(
        oneTarget("{\"entity\": \"families\", \"columns\": {\"family_id\": \"_uuid\"}}"),
        "visit.kobo.json: targets[1] (families).columns: the required column 'region' of families"
            + " is not set");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {"
                + families
                + ", \"housing\": {\"field\": \"h\", \"constant\": \"owned\"}}}"),
        "visit.kobo.json: targets[1] (families).columns.housing: needs exactly one of \"field\","
            + " \"template\" and \"constant\"");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {"
                + families
                + ", \"housing\": {\"field\": \"h\", \"values\": [\"own\"]}}}"),
        "visit.kobo.json: targets[1] (families).columns.housing.values: must be an object of"
            + " answer → value, or \"boolean\"");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {"
                + families
                + ", \"housing\": {\"template\": \"no fields\"}}}"),
        "visit.kobo.json: targets[1] (families).columns.housing.template: must name form fields in"
            + " braces");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {"
                + families
                + ", \"housing\": {\"field\": \"h\", \"format\": \"jalali\"}}}"),
        "visit.kobo.json: targets[1] (families).columns.housing.format: must be date or utc, not"
            + " 'jalali'");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {"
                + families
                + "}, \"indicators\": [{\"field\": \"x\", \"indicator\": \"y\"}]}"),
        "visit.kobo.json: targets[1] (families).indicators: only a target of observations has"
            + " indicators");
    String observations =
        "{\"entity\": \"observations\", \"columns\": {\"subject_id\": \"_uuid\", \"observed_on\":"
            + " \"today\"}, \"indicators\": [";
    assertError(
        oneTarget(observations + "{\"field\": \"x\"}]}"),
        "visit.kobo.json: targets[1] (observations).indicators[1]: needs exactly one of"
            + " \"indicator\" and \"choices\"");
    assertError(
        oneTarget(observations + "{\"field\": \"x\", \"indicator\": \"Bad Code\"}]}"),
        "visit.kobo.json: targets[1] (observations).indicators[1].indicator: 'Bad Code' is no"
            + " indicator code ([a-z][a-z0-9_]*)");
    assertError(
        oneTarget(
            "{\"entity\": \"observations\", \"columns\": {\"subject_id\": \"_uuid\","
                + " \"observed_on\": \"today\", \"indicator\": {\"constant\": \"x\"}},"
                + " \"indicators\": [{\"field\": \"x\", \"indicator\": \"y\"}]}"),
        "visit.kobo.json: targets[1] (observations).columns.indicator: is set by \"indicators\";"
            + " leave it out of \"columns\"");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {\"family_id\": \"_uuid\", \"region\":"
                + " \"hh/respondent_name\", \"registered_on\": \"today\"}}"),
        "visit.kobo.json: targets[1] (families): the form field 'hh/respondent_name' looks like a"
            + " personal identifier");
    assertError(
        oneTarget(
            "{\"entity\": \"families\", \"columns\": {"
                + families
                + "}}, {\"entity\": \"families\","
                + " \"columns\": {"
                + families
                + "}}"),
        "visit.kobo.json: targets[2] (families): a second target reads families from the same"
            + " export and sheet");
    assertThat(
            parse(oneTarget("{\"entity\": \"families\", \"columns\": {" + families + "}}"))
                .targets()
                .get(0)
                .entity())
        .isEqualTo(Entity.FAMILIES);
  }

  private static void assertError(String json, String start) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(BatchFileException.class)
        .hasMessageStartingWith(start)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /** A file of the repository's {@code data-samples/kobo}, found from the working directory up. */
  private static Path sample(String name) {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path file = folder.resolve("data-samples").resolve("kobo").resolve(name);
      if (Files.exists(file)) {
        return file;
      }
    }
    throw new IllegalStateException(
        "no data-samples/kobo/" + name + " above the working directory");
  }
}
