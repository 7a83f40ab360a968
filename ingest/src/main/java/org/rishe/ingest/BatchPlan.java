package org.rishe.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.rishe.common.batch.BatchFileException;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.batch.KoboMapping;
import org.rishe.common.contract.Entity;
import org.rishe.ingest.batch.BatchSource;
import org.rishe.ingest.report.FileReport;

/**
 * Which file, or sheet, of a batch folder gives the rows of which entity. A file named after an
 * entity ({@code people.csv}, {@code people.jsonl}, {@code people.xlsx}: its first sheet) gives
 * that entity; an entity may have several such files, read in name order. An {@code .xlsx} workbook
 * named after no entity ({@code batch.xlsx}) holds the batch a sheet per entity, each sheet named
 * after its entity; its other sheets are skipped. An entity given by such a sheet must have no
 * other source: two places for the same rows are far more often a leftover export than two halves,
 * and loading both would quarantine every row of the second as a duplicate, so both fail and the
 * user keeps one.
 *
 * @param sources each entity's sources, in the order they are read
 * @param reports the report lines of the files and sheets that are not read: skipped or failed
 */
record BatchPlan(Map<Entity, List<BatchSource>> sources, List<FileReport> reports) {

  /**
   * Plans a batch from its file names (in name order).
   *
   * @param sheetsOf the sheet names of a workbook in the folder; throws {@link BatchFileException}
   *     when it is no readable workbook
   */
  static BatchPlan of(List<String> fileNames, Function<String, List<String>> sheetsOf) {
    return of(
        fileNames,
        sheetsOf,
        name -> {
          throw new BatchFileException(name + ": cannot be read");
        });
  }

  /**
   * Plans a batch whose folder may hold KoboToolbox/ODK mapping files ({@code NAME.kobo.json}):
   * each target of a mapping is a source of its entity, read from the export the mapping names
   * (which is then no batch file of its own). A mapping that cannot be read fails alone, and so do
   * its exports.
   *
   * @param mappingOf reads a mapping file of the folder; throws {@link BatchFileException} naming
   *     what is wrong
   */
  static BatchPlan of(
      List<String> fileNames,
      Function<String, List<String>> sheetsOf,
      Function<String, KoboMapping> mappingOf) {
    Map<Entity, List<BatchSource>> sources = new EnumMap<>(Entity.class);
    List<FileReport> reports = new ArrayList<>();
    Set<String> exports = new HashSet<>();
    Map<String, List<BatchSource>> mappings = mappings(fileNames, mappingOf, reports, exports);
    for (String name : fileNames) {
      if (name.startsWith(".") || name.startsWith("~$")) {
        continue; // hidden files, and the lock file Excel keeps beside a workbook it has open
      }
      if (KoboMapping.isMappingName(name)) {
        // in name order with the other files, as the mapping's name places it
        for (BatchSource source : mappings.getOrDefault(name, List.of())) {
          add(sources, source.target().entity(), source);
        }
        continue;
      }
      if (exports.contains(name)) {
        continue; // read through its mapping
      }
      Optional<Entity> entity = Entity.fromFileName(BatchFileReader.baseName(name));
      if (BatchFileReader.isOldExcelName(name)) {
        reports.add(
            FileReport.failed(
                name,
                entity.map(Entity::fileName).orElse(null),
                BatchFileReader.oldExcelMessage(name)));
      } else if (!BatchFileReader.isBatchFileName(name)) {
        reports.add(FileReport.skipped(name, "not a batch file (.csv, .jsonl or .xlsx): skipped"));
      } else if (entity.isPresent()) {
        add(sources, entity.get(), BatchSource.file(name));
      } else if (BatchFileReader.isWorkbookName(name)) {
        addSheets(sources, reports, name, sheetsOf);
      } else {
        reports.add(
            FileReport.failed(
                name,
                null,
                name
                    + ": unknown entity name '"
                    + BatchFileReader.baseName(name)
                    + "'; batch files are named "
                    + entityNames()
                    + " (.csv, .jsonl or .xlsx)"));
      }
    }
    for (Entity entity : List.copyOf(sources.keySet())) {
      List<BatchSource> given = sources.get(entity);
      if (given.size() > 1 && given.stream().anyMatch(BatchSource::isSheet)) {
        sources.remove(entity);
        String names = String.join(" and ", given.stream().map(BatchSource::name).toList());
        for (BatchSource source : given) {
          reports.add(
              FileReport.failed(
                  source.name(),
                  entity.fileName(),
                  entity.fileName()
                      + " is given twice, by "
                      + names
                      + "; an entity given by a sheet of a batch workbook must have no other file"
                      + " or sheet: keep one of them"));
        }
      }
    }
    return new BatchPlan(sources, List.copyOf(reports));
  }

  /**
   * The sources of each mapping file of the folder, by its name: a target each whose export is in
   * the folder. Adds to {@code exports} every file a mapping reads (for a mapping that cannot be
   * read, the CSV and XLSX files of its name), and to {@code reports} what failed.
   */
  private static Map<String, List<BatchSource>> mappings(
      List<String> fileNames,
      Function<String, KoboMapping> mappingOf,
      List<FileReport> reports,
      Set<String> exports) {
    Map<String, List<BatchSource>> mappings = new java.util.HashMap<>();
    for (String name : fileNames) {
      if (!KoboMapping.isMappingName(name) || name.startsWith(".")) {
        continue;
      }
      KoboMapping mapping;
      try {
        mapping = mappingOf.apply(name);
      } catch (BatchFileException e) {
        reports.add(FileReport.failed(name, null, e.getMessage()));
        exports.add(BatchFileReader.baseName(BatchFileReader.baseName(name)) + ".csv");
        exports.add(BatchFileReader.baseName(BatchFileReader.baseName(name)) + ".xlsx");
        continue;
      }
      List<BatchSource> readable = new ArrayList<>();
      for (KoboMapping.Target target : mapping.targets()) {
        exports.add(target.export());
        exports.add(target.parentExport(mapping));
        if (fileNames.contains(target.export())) {
          readable.add(BatchSource.kobo(mapping, target));
        } else {
          reports.add(
              FileReport.failed(
                  BatchSource.kobo(mapping, target).name(),
                  target.entity().fileName(),
                  name
                      + ": the export "
                      + target.export()
                      + " is not in the batch folder; put it beside the mapping, or name the"
                      + " export's file in \"export\""));
        }
      }
      mappings.put(name, readable);
    }
    return mappings;
  }

  /** The sheets of a batch workbook named after an entity; the others are reported skipped. */
  private static void addSheets(
      Map<Entity, List<BatchSource>> sources,
      List<FileReport> reports,
      String name,
      Function<String, List<String>> sheetsOf) {
    List<String> sheets;
    try {
      sheets = sheetsOf.apply(name);
    } catch (BatchFileException e) {
      reports.add(FileReport.failed(name, null, e.getMessage()));
      return;
    }
    List<FileReport> skipped = new ArrayList<>();
    for (String sheet : sheets) {
      Optional<Entity> entity = Entity.fromFileName(sheet);
      if (entity.isPresent()) {
        add(sources, entity.get(), BatchSource.sheet(name, sheet));
      } else {
        skipped.add(
            FileReport.skipped(
                BatchFileReader.sheetSource(name, sheet),
                "sheet '" + sheet + "' is named after no entity (" + entityNames() + "): skipped"));
      }
    }
    if (skipped.size() == sheets.size()) {
      reports.add(
          FileReport.failed(
              name,
              null,
              name
                  + ": neither the file nor any of its sheets is named after an entity; name a"
                  + " workbook of one entity after it (people.xlsx), or the sheets of a workbook"
                  + " holding the batch after theirs: "
                  + entityNames()));
    } else {
      reports.addAll(skipped);
    }
  }

  private static void add(
      Map<Entity, List<BatchSource>> sources, Entity entity, BatchSource source) {
    sources.computeIfAbsent(entity, e -> new ArrayList<>()).add(source);
  }

  private static String entityNames() {
    return String.join(", ", Arrays.stream(Entity.values()).map(Entity::fileName).toList());
  }
}
