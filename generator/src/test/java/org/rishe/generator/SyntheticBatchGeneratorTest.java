package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.RowResult;
import org.rishe.common.contract.RowValidator;
import org.rishe.common.privacy.Pseudonymizer;

class SyntheticBatchGeneratorTest {
  @TempDir static Path temp;
  private static Path clean;
  private static BatchSummary cleanSummary;

  @BeforeAll
  static void generateCleanBatch() {
    clean = temp.resolve("clean");
    cleanSummary = SyntheticBatchGenerator.generate(config(clean, 1500, 7));
  }

  @Test
  void sameSeedWritesByteIdenticalFiles() throws IOException {
    Path first = temp.resolve("same-1");
    Path second = temp.resolve("same-2");
    SyntheticBatchGenerator.generate(
        config(first, 300, 11).withTruthFile(first.resolve("truth.json")).withDirtyRate(0.02));
    SyntheticBatchGenerator.generate(
        config(second, 300, 11).withTruthFile(second.resolve("truth.json")).withDirtyRate(0.02));

    List<String> names = fileNames(first);
    assertThat(names).hasSize(13).isEqualTo(fileNames(second));
    for (String name : names) {
      assertThat(Files.readAllBytes(second.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @Test
  void differentSeedWritesDifferentFiles() throws IOException {
    Path other = temp.resolve("other-seed");
    SyntheticBatchGenerator.generate(config(other, 1500, 8));

    assertThat(Files.readAllBytes(other.resolve("people.csv")))
        .isNotEqualTo(Files.readAllBytes(clean.resolve("people.csv")));
    assertThat(Files.readAllBytes(other.resolve("observations.csv")))
        .isNotEqualTo(Files.readAllBytes(clean.resolve("observations.csv")));
  }

  @Test
  void aFamilyIsTheSameWhateverTheNumberOfFamilies() {
    Path smaller = temp.resolve("smaller");
    SyntheticBatchGenerator.generate(config(smaller, 100, 7));

    List<List<String>> hundred = Table.read(smaller.resolve("families.csv")).rows();
    assertThat(Table.read(clean.resolve("families.csv")).rows().subList(0, 100)).isEqualTo(hundred);
  }

  @Test
  void everyFileParsesWithTheHeaderColumnCountAndTheSummaryCountsItsRows() {
    for (Map.Entry<String, Long> file : cleanSummary.rows().entrySet()) {
      Table table = Table.read(clean.resolve(file.getKey()));
      assertThat(table.rows()).as(file.getKey()).hasSize(file.getValue().intValue());
      assertThat(table.rows().stream().filter(row -> row.size() != table.header().size()))
          .as(file.getKey())
          .isEmpty();
    }
    assertThat(cleanSummary.rows().get("families.csv")).isEqualTo(1500);
  }

  @Test
  void everyReferenceKeyCodeAndDateIsValidWithoutDirt() {
    Catalogue catalogue = Catalogue.defaultCatalogue();
    Set<String> families = keys(Table.read(clean.resolve("families.csv")), "family_id");
    Table people = Table.read(clean.resolve("people.csv"));
    Set<String> persons = keys(people, "person_id");
    Set<String> programs = keys(Table.read(clean.resolve("programs.csv")), "program_id");
    Table donations = Table.read(clean.resolve("donations.csv"));
    Set<String> donationIds = keys(donations, "donation_id");
    keys(Table.read(clean.resolve("cases.csv")), "case_id");
    keys(Table.read(clean.resolve("enrollments.csv")), "enrollment_id");
    keys(Table.read(clean.resolve("volunteers.csv")), "volunteer_id");

    assertThat(column(people, "family_id")).isSubsetOf(families);
    Table cases = Table.read(clean.resolve("cases.csv"));
    assertThat(column(cases, "person_id")).isSubsetOf(persons);
    assertThat(column(cases, "problem"))
        .allSatisfy(
            code ->
                assertThat(catalogue.find(code).orElseThrow().kind())
                    .isEqualTo(Indicator.Kind.PROBLEM));
    for (List<String> row : cases.rows()) {
      String closed = cases.value(row, "closed_on");
      if (!closed.isEmpty()) {
        assertThat(LocalDate.parse(closed))
            .isAfterOrEqualTo(LocalDate.parse(cases.value(row, "opened_on")));
      }
      OffsetDateTime.parse(cases.value(row, "updated_at"));
    }
    Table enrollments = Table.read(clean.resolve("enrollments.csv"));
    assertThat(column(enrollments, "person_id")).isSubsetOf(persons);
    assertThat(column(enrollments, "program_id")).isSubsetOf(programs);

    Table observations = Table.read(clean.resolve("observations.csv"));
    Set<String> observationKeys = new HashSet<>();
    List<List<String>> invalid = new ArrayList<>();
    for (List<String> row : observations.rows()) {
      String subject = observations.value(row, "subject_id");
      boolean family = observations.value(row, "subject_type").equals("family");
      LocalDate.parse(observations.value(row, "observed_on"));
      boolean valid =
          (family ? families : persons).contains(subject)
              && catalogue.find(observations.value(row, "indicator")).isPresent()
              && observationKeys.add(String.join("|", row.subList(0, 4)));
      if (!valid) {
        invalid.add(row);
      }
    }
    assertThat(invalid).isEmpty();
    Table events = Table.read(clean.resolve("aid_events.csv"));
    assertThat(column(events, "donation_id")).isSubsetOf(donationIds);
    assertThat(column(events, "at")).allSatisfy(OffsetDateTime::parse);
    Set<String> needs = keys(Table.read(clean.resolve("needs.csv")), "need_id");
    assertThat(column(donations, "designation"))
        .allSatisfy(
            designation ->
                assertThat(
                        designation.equals("general")
                            || programs.contains(designation.replace("program:", ""))
                            || families.contains(designation.replace("family:", ""))
                            || needs.contains(designation.replace("need:", "")))
                    .isTrue());
  }

  @Test
  void theRegionsCatalogueNamesEveryRegionUsedAndOutlinesItAsAUnitSquareOfTheGrid() {
    Table regions = Table.read(clean.resolve("regions.csv"));
    Set<String> codes = keys(regions, "region");
    Set<String> used = new HashSet<>(column(Table.read(clean.resolve("families.csv")), "region"));
    used.addAll(column(Table.read(clean.resolve("volunteers.csv")), "region"));
    RowValidator validator =
        new RowValidator(
            Entity.REGIONS,
            Catalogue.defaultCatalogue(),
            new DateParser(DateParser.BatchCalendar.GREGORIAN),
            new Pseudonymizer(new byte[32]));

    assertThat(used).hasSize(10).isSubsetOf(codes);
    assertThat(codes).hasSize(12).contains("ZN", "ZS");
    for (List<String> row : regions.rows()) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        values.put(regions.header().get(i), row.get(i));
      }
      assertThat(validator.validate(values)).as(row.get(0)).isInstanceOf(RowResult.Accepted.class);
      assertThat(regions.value(row, "label_en")).isNotBlank();
      assertThat(regions.value(row, "label_fa")).matches("[\\u0600-\\u06FF\\u200c ]+");
      String parent = regions.value(row, "parent");
      assertThat(parent.isEmpty() || codes.contains(parent)).as(row.get(0)).isTrue();
    }
    // R01 is the grid's north-west cell, R10 the south-east one: 50-51 E 33-34 N, 54-55 E 32-33 N
    assertThat(regions.value(regions.rows().get(2), "geometry"))
        .isEqualTo(
            "{\"type\":\"Polygon\",\"coordinates\":[[[50.0,33.0],[51.0,33.0],[51.0,34.0],"
                + "[50.0,34.0],[50.0,33.0]]]}");
    assertThat(regions.value(regions.rows().get(11), "geometry"))
        .isEqualTo(
            "{\"type\":\"Polygon\",\"coordinates\":[[[54.0,32.0],[55.0,32.0],[55.0,33.0],"
                + "[54.0,33.0],[54.0,32.0]]]}");
  }

  @Test
  void aFewFamiliesInAHundredHaveNeedsOfEveryStatusForTheFamilyOrAChild() {
    Set<String> families = keys(Table.read(clean.resolve("families.csv")), "family_id");
    Set<String> persons = keys(Table.read(clean.resolve("people.csv")), "person_id");
    Set<String> programs = keys(Table.read(clean.resolve("programs.csv")), "program_id");
    Table needs = Table.read(clean.resolve("needs.csv"));
    // 1,500 families: 4% bring one need and 1% two, 90 expected (binomial sd about 9.4)
    assertThat(needs.rows().size()).isBetween(55, 125);
    Map<String, Long> statuses = new HashMap<>();
    long priced = 0;
    long underAProgramme = 0;
    long forAChild = 0;
    for (List<String> row : needs.rows()) {
      String subject = needs.value(row, "subject");
      if (subject.startsWith("person:")) {
        forAChild++;
        assertThat(persons).contains(subject.substring("person:".length()));
      } else {
        assertThat(subject).startsWith("family:");
        assertThat(families).contains(subject.substring("family:".length()));
      }
      assertThat(needs.value(row, "kind")).isIn((Object[]) NeedSimulator.KINDS);
      String amount = needs.value(row, "amount");
      if (!amount.isEmpty()) {
        priced++;
        assertThat(Double.parseDouble(amount)).isPositive();
        assertThat(needs.value(row, "currency")).isEqualTo("IRR");
      }
      String program = needs.value(row, "program_id");
      if (!program.isEmpty()) {
        underAProgramme++;
        assertThat(programs).contains(program);
      }
      LocalDate opened = LocalDate.parse(needs.value(row, "opened_on"));
      assertThat(OffsetDateTime.parse(needs.value(row, "updated_at")).toLocalDate())
          .isAfterOrEqualTo(opened);
      statuses.merge(needs.value(row, "status"), 1L, Long::sum);
    }
    assertThat(statuses).containsOnlyKeys("open", "pledged", "met", "withdrawn");
    assertThat(priced).isPositive().isLessThan(needs.rows().size());
    assertThat(underAProgramme).isPositive();
    assertThat(forAChild).isPositive();
  }

  @Test
  void someDonationsAreGivenForAnOpenOrPledgedNeedOpenedByTheDayTheyArrive() {
    Table needs = Table.read(clean.resolve("needs.csv"));
    Map<String, List<String>> byId = new HashMap<>();
    needs.rows().forEach(row -> byId.put(needs.value(row, "need_id"), row));
    Table donations = Table.read(clean.resolve("donations.csv"));
    long forNeeds = 0;
    for (List<String> row : donations.rows()) {
      String designation = donations.value(row, "designation");
      if (!designation.startsWith("need:")) {
        continue;
      }
      forNeeds++;
      List<String> need = byId.get(designation.substring("need:".length()));
      assertThat(needs.value(need, "status")).isIn("open", "pledged");
      assertThat(LocalDate.parse(donations.value(row, "received_on")))
          .isAfterOrEqualTo(LocalDate.parse(needs.value(need, "opened_on")));
      // the donation comes from the need's family: ids of both embed the family number
      assertThat(donations.value(row, "donation_id").substring(1, 8))
          .isEqualTo(needs.value(need, "need_id").substring(1, 8));
    }
    assertThat(forNeeds).isPositive();
  }

  @Test
  void aboutOneAnswerInTwentyIsMissingAndAboutThreePercentRefuseConsent() {
    Table observations = Table.read(clean.resolve("observations.csv"));
    long missing =
        column(observations, "value").stream().filter(Indicator.MISSING_ANSWERS::contains).count();
    double share = missing / (double) observations.rows().size();
    assertThat(share).isBetween(0.04, 0.06);

    Table people = Table.read(clean.resolve("people.csv"));
    double refused =
        column(people, "consent_analytics").stream().filter("false"::equals).count()
            / (double) people.rows().size();
    assertThat(refused).isBetween(0.02, 0.04);
  }

  @Test
  void anOutbreakMultipliesItsRegionProblemAndMonthOnly() {
    Map<String, Long> before = seriesCounts(clean);
    // The busiest month of the series, so the test never plants into an empty cell.
    String cell =
        before.entrySet().stream()
            .filter(entry -> entry.getKey().startsWith("R01|child_labour|"))
            .max(Map.Entry.comparingByValue())
            .orElseThrow()
            .getKey();
    YearMonth month = YearMonth.parse(cell.substring(cell.lastIndexOf('|') + 1));
    Path planted = temp.resolve("outbreak");
    SyntheticBatchGenerator.generate(
        config(planted, 1500, 7)
            .withOutbreaks(List.of(new Outbreak("R01", "child_labour", month, 4.0))));

    Map<String, Long> after = seriesCounts(planted);
    assertThat(before.get(cell)).isPositive();
    // An integer multiplier adds exactly three extra cases for every case of the cell.
    assertThat(after.get(cell)).isEqualTo(4 * before.get(cell));
    Map<String, Long> othersBefore = new HashMap<>(before);
    Map<String, Long> othersAfter = new HashMap<>(after);
    othersBefore.remove(cell);
    othersAfter.remove(cell);
    assertThat(othersAfter).isEqualTo(othersBefore);
  }

  @Test
  void caseCountsAreFlatAcrossTheYearsOfThePeriod() {
    Map<String, Long> perYear = new HashMap<>();
    seriesCounts(clean)
        .forEach(
            (cell, count) ->
                perYear.merge(
                    cell.substring(cell.length() - 7, cell.length() - 3), count, Long::sum));
    List<Long> years = Stream.of("2021", "2022", "2023", "2024", "2025").map(perYear::get).toList();
    double mean = years.stream().mapToLong(Long::longValue).average().orElseThrow();

    // Poisson noise at about 300 cases a year is about 6%; a burn-in ramp would be far larger.
    assertThat(years).allSatisfy(count -> assertThat(count / mean).isBetween(0.8, 1.2));
  }

  /** Cases per "region|problem|YYYY-MM". */
  private static Map<String, Long> seriesCounts(Path batch) {
    Map<String, String> regionOfFamily = new HashMap<>();
    Table families = Table.read(batch.resolve("families.csv"));
    families
        .rows()
        .forEach(
            row ->
                regionOfFamily.put(
                    families.value(row, "family_id"), families.value(row, "region")));
    Map<String, String> familyOfPerson = new HashMap<>();
    Table people = Table.read(batch.resolve("people.csv"));
    people
        .rows()
        .forEach(
            row ->
                familyOfPerson.put(people.value(row, "person_id"), people.value(row, "family_id")));
    Map<String, Long> counts = new HashMap<>();
    Table cases = Table.read(batch.resolve("cases.csv"));
    for (List<String> row : cases.rows()) {
      String region = regionOfFamily.get(familyOfPerson.get(cases.value(row, "person_id")));
      String key =
          region
              + "|"
              + cases.value(row, "problem")
              + "|"
              + cases.value(row, "opened_on").substring(0, 7);
      counts.merge(key, 1L, Long::sum);
    }
    return counts;
  }

  static GeneratorConfig config(Path out, long families, long seed) {
    return GeneratorConfig.defaults(out).withFamilies(families).withSeed(seed);
  }

  static Set<String> keys(Table table, String column) {
    List<String> values = column(table, column);
    Set<String> unique = new HashSet<>(values);
    assertThat(unique).as(column + " is unique").hasSameSizeAs(values);
    return unique;
  }

  static List<String> column(Table table, String name) {
    return table.rows().stream().map(row -> table.value(row, name)).toList();
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
