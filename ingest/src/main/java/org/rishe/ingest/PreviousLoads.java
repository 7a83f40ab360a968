package org.rishe.ingest;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.privacy.KeyCheck;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.curated.CuratedTables;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * What earlier ingests loaded, from their reports: per entity, the newest ingest whose files of it
 * reached the tables. An entity's files are not read again when that ingest read the same bytes
 * under the same names, calendar, encoding and pseudonym key, and neither its table nor a table it
 * references nor the catalogue has a commit since: loading them again would change nothing (every
 * row would merge onto itself, every reference and duplicate would be judged the same, and
 * quarantine already holds the same rows).
 */
final class PreviousLoads {
  static final PreviousLoads NONE = new PreviousLoads(Map.of(), "", "", "", Optional.empty());

  private final Map<Entity, IngestReport> newest;
  private final String calendar;
  private final String encoding;
  private final String keyCheck;
  private final Optional<KeyCheck.Recorded> storedKeyCheck;

  private PreviousLoads(
      Map<Entity, IngestReport> newest,
      String calendar,
      String encoding,
      String keyCheck,
      Optional<KeyCheck.Recorded> storedKeyCheck) {
    this.newest = newest;
    this.storedKeyCheck = storedKeyCheck;
    this.calendar = calendar;
    this.encoding = encoding;
    this.keyCheck = keyCheck;
  }

  /** The reports in the warehouse, newest first; a report that does not parse is passed over. */
  static PreviousLoads read(
      WarehouseLayout layout,
      WarehouseFiles files,
      DateParser.BatchCalendar calendar,
      BatchEncoding encoding,
      String keyCheck) {
    Map<Entity, IngestReport> newest = new EnumMap<>(Entity.class);
    List<String> texts = new java.util.ArrayList<>();
    if (files.isDirectory(layout.reports())) {
      List<String> names =
          files.listFileNames(layout.reports()).stream()
              .filter(name -> name.startsWith("ingest-") && name.endsWith(".json"))
              .sorted(java.util.Comparator.reverseOrder())
              .toList();
      for (String name : names) {
        IngestReport report;
        String text = files.readText(layout.reports() + "/" + name).orElse("").strip();
        texts.add(text);
        try {
          report = IngestReport.fromJson(text);
        } catch (IllegalArgumentException e) {
          continue;
        }
        for (FileReport file : report.files()) {
          if (file.entity() != null && file.reachedTables()) {
            Entity.fromFileName(file.entity()).ifPresent(e -> newest.putIfAbsent(e, report));
          }
        }
      }
    }
    return new PreviousLoads(
        newest,
        calendar.name().toLowerCase(Locale.ROOT),
        encoding.code(),
        keyCheck,
        KeyCheck.stored(texts.stream()));
  }

  /**
   * The fingerprint of the key the warehouse's stored rows were written with ({@link KeyCheck}).
   */
  Optional<KeyCheck.Recorded> storedKeyCheck() {
    return storedKeyCheck;
  }

  /** The id of the ingest an entity's files were last loaded by. */
  String ingestId(Entity entity) {
    IngestReport report = newest.get(entity);
    return report == null ? "" : report.ingestId();
  }

  /**
   * The earlier ingest's lines for the entity's files, marked {@link FileReport#UNCHANGED}, when
   * loading the files {@code digests} gives (file name to SHA-256, read only when the rest matches)
   * again would change nothing; else empty.
   */
  Optional<List<FileReport>> unchanged(
      Entity entity,
      java.util.function.Supplier<Map<String, String>> digests,
      CuratedTables tables,
      WarehouseLayout layout) {
    IngestReport report = newest.get(entity);
    if (report == null
        || !calendar.equals(report.calendar())
        || !encoding.equals(report.encoding() == null ? "utf-8" : report.encoding())
        || report.keyCheck() == null
        || !report.keyCheck().equals(keyCheck)) {
      return Optional.empty();
    }
    List<FileReport> previous =
        report.files().stream().filter(f -> entity.fileName().equals(f.entity())).toList();
    Map<String, String> before = new TreeMap<>();
    for (FileReport file : previous) {
      if (!file.reachedTables() || file.digest() == null) {
        return Optional.empty();
      }
      before.put(file.file(), file.digest());
    }
    if (!before.equals(digests.get())) {
      return Optional.empty();
    }
    Set<Entity> read = new HashSet<>(List.of(entity, Entity.INDICATORS));
    Reference.of(entity).forEach(reference -> read.addAll(reference.targets()));
    for (Entity table : read) {
      Long then = report.tableVersions().get(table.fileName());
      long now = tables.version(layout.curated(table.fileName()));
      if (then == null ? now >= 0 : then != now) {
        return Optional.empty();
      }
    }
    return Optional.of(previous.stream().map(FileReport::unchanged).toList());
  }
}
