package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.common.batch.BatchFileException;
import org.rishe.common.contract.Entity;
import org.rishe.ingest.batch.BatchSource;
import org.rishe.ingest.report.FileReport;

class BatchPlanTest {
  private static FileReport line(BatchPlan plan, String name) {
    return plan.reports().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void filesNamedAfterAnEntityAndTheEntitySheetsOfABatchWorkbookAreItsSources() {
    BatchPlan plan =
        BatchPlan.of(
            List.of("batch.xlsx", "people.csv", "people.jsonl", "programs.xlsx", "readme.txt"),
            name -> List.of("families", "Lookups", "cases"));

    assertThat(plan.sources())
        .containsExactly(
            Map.entry(Entity.FAMILIES, List.of(BatchSource.sheet("batch.xlsx", "families"))),
            Map.entry(
                Entity.PEOPLE,
                List.of(BatchSource.file("people.csv"), BatchSource.file("people.jsonl"))),
            Map.entry(Entity.PROGRAMS, List.of(BatchSource.file("programs.xlsx"))),
            Map.entry(Entity.CASES, List.of(BatchSource.sheet("batch.xlsx", "cases"))));
    assertThat(line(plan, "batch.xlsx#Lookups").status()).isEqualTo(FileReport.SKIPPED);
    assertThat(line(plan, "batch.xlsx#Lookups").error())
        .startsWith("sheet 'Lookups' is named after no entity (indicators, families, people,");
    assertThat(line(plan, "readme.txt").status()).isEqualTo(FileReport.SKIPPED);
    assertThat(plan.reports()).hasSize(2);
  }

  @Test
  void anEntityGivenByASheetAndAnotherSourceFailsEveryOneOfThemNamingThemAll() {
    BatchPlan plan =
        BatchPlan.of(
            List.of("a.xlsx", "b.xlsx", "families.csv", "people.xlsx"),
            name -> name.equals("a.xlsx") ? List.of("families", "people") : List.of("people"));

    assertThat(plan.sources()).isEmpty();
    assertThat(plan.reports())
        .extracting(FileReport::file)
        .containsExactlyInAnyOrder(
            "a.xlsx#families", "families.csv", "a.xlsx#people", "b.xlsx#people", "people.xlsx");
    assertThat(plan.reports()).extracting(FileReport::status).containsOnly(FileReport.FAILED);
    assertThat(line(plan, "people.xlsx").error())
        .isEqualTo(
            "people is given twice, by a.xlsx#people and b.xlsx#people and people.xlsx; an entity"
                + " given by a sheet of a batch workbook must have no other file or sheet: keep"
                + " one of them");
    assertThat(line(plan, "families.csv").entity()).isEqualTo("families");
  }

  @Test
  void aWorkbookNamedAfterNoEntityWithNoEntitySheetAnUnreadableOneAndAnXlsFileFail() {
    BatchPlan plan =
        BatchPlan.of(
            List.of(".hidden.csv", "broken.xlsx", "contacts.xlsx", "families.xls", "~$book.xlsx"),
            name -> {
              if (name.equals("broken.xlsx")) {
                throw new BatchFileException("broken.xlsx: not a readable Excel workbook");
              }
              return List.of("Sheet1");
            });

    assertThat(plan.sources()).isEmpty();
    assertThat(plan.reports())
        .extracting(FileReport::file)
        .containsExactly("broken.xlsx", "contacts.xlsx", "families.xls");
    assertThat(plan.reports()).extracting(FileReport::status).containsOnly(FileReport.FAILED);
    assertThat(line(plan, "broken.xlsx").error())
        .isEqualTo("broken.xlsx: not a readable Excel workbook");
    assertThat(line(plan, "contacts.xlsx").error())
        .startsWith(
            "contacts.xlsx: neither the file nor any of its sheets is named after an entity");
    assertThat(line(plan, "families.xls").entity()).isEqualTo("families");
    assertThat(line(plan, "families.xls").error()).contains("old binary Excel files (.xls)");
  }

  @Test
  void aKoboMappingGivesASourcePerTargetFromItsExportsAndABadOneFailsAloneWithItsExports() {
    String mapping =
        "{\"export\": \"visit.xlsx\", \"targets\": ["
            + "{\"entity\": \"families\", \"columns\": {\"family_id\": \"_uuid\","
            + " \"region\": \"r\", \"registered_on\": \"today\"}},"
            + "{\"entity\": \"people\", \"sheet\": \"group_child\", \"columns\": {\"person_id\":"
            + " \"_uuid\", \"family_id\": \"_submission__uuid\", \"registered_on\": \"d\"}},"
            + "{\"entity\": \"cases\", \"export\": \"visit_cases.csv\", \"columns\": {\"case_id\":"
            + " \"_uuid\", \"person_id\": \"p\", \"problem\": \"x\", \"opened_on\": \"d\"}}]}";
    BatchPlan plan =
        BatchPlan.of(
            List.of(
                "clinic.csv", "clinic.kobo.json", "people.csv", "visit.kobo.json", "visit.xlsx"),
            name -> List.of("visit", "group_child"),
            name -> {
              if (name.equals("clinic.kobo.json")) {
                throw new BatchFileException("clinic.kobo.json: export: is required");
              }
              return org.rishe.common.batch.KoboMapping.parse(
                  name, mapping.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });

    assertThat(plan.sources().get(Entity.FAMILIES))
        .extracting(BatchSource::name)
        .containsExactly("visit.xlsx");
    assertThat(plan.sources().get(Entity.PEOPLE))
        .extracting(BatchSource::name)
        .containsExactly("people.csv", "visit.xlsx#group_child");
    assertThat(plan.sources()).doesNotContainKey(Entity.CASES);
    assertThat(line(plan, "visit_cases.csv").error())
        .startsWith("visit.kobo.json: the export visit_cases.csv is not in the batch folder");
    assertThat(line(plan, "clinic.kobo.json").error())
        .isEqualTo("clinic.kobo.json: export: is required");
    // the exports of the mapping that failed are not read as entity files either
    assertThat(plan.reports()).extracting(FileReport::file).doesNotContain("clinic.csv");
    assertThat(plan.reports()).hasSize(2);
  }
}
