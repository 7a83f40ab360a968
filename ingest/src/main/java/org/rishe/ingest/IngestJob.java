package org.rishe.ingest;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toMap;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileException;
import org.rishe.common.batch.BatchFileParts;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.RowValidator;
import org.rishe.common.privacy.KeyCheck;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.batch.BatchSource;
import org.rishe.ingest.batch.EntityStager;
import org.rishe.ingest.batch.FileStats;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.curated.CuratedTables;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Loads one batch folder into the curated tables. An entity loads after the entities it references,
 * so every reference is checked against rows already merged (entities that do not depend on each
 * other load at the same time); each entity's rows are staged, checked for duplicate keys, unknown
 * references and (regions) parents that loop, merged into its Delta table in one commit, and the
 * rejected rows are added to quarantine. A file that cannot be read fails alone.
 */
public final class IngestJob {
  /** Staging older than this belongs to an ingest that was killed. */
  static final Duration ABANDONED_AFTER = Duration.ofHours(24);

  /**
   * Entities loaded at once. Staging a small entity is mostly the driver planning and committing,
   * so a few overlap well even on two cores; each holds at most one staging chunk in memory.
   */
  static final int LOADERS = 3;

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final WarehouseFiles files;
  private final CuratedTables tables;
  private final Pseudonymizer pseudonymizer;
  private final Consumer<String> progress;
  private final long partBytes;
  private final PlainTableReads plainReads;
  private PreviousLoads previousLoads = PreviousLoads.NONE;

  /**
   * Whether this run creates the indicators table from the default catalogue and the batch's
   * indicators file together ({@link CatalogueSeed#under}), instead of seeding it first.
   */
  private volatile boolean seedWithIndicators;

  /**
   * The entities whose table this run created, each with its decided rows' staging folder: the
   * table holds exactly the kept rows there that are not tombstones, so its keys are read from that
   * Parquet instead of through a Delta scan (whose file listing and snapshot cost Spark jobs for
   * each entity that references it).
   */
  private final Map<Entity, String> createdFrom = new java.util.concurrent.ConcurrentHashMap<>();

  public IngestJob(
      SparkSession spark,
      WarehouseLayout layout,
      Pseudonymizer pseudonymizer,
      Consumer<String> progress) {
    this(spark, layout, pseudonymizer, progress, BatchFileParts.DEFAULT_PART_BYTES);
  }

  /**
   * A job that reads {@code .csv} and {@code .jsonl} files in parts of about {@code partBytes}
   * bytes (see {@link EntityStager}); tests make them small to have many.
   */
  IngestJob(
      SparkSession spark,
      WarehouseLayout layout,
      Pseudonymizer pseudonymizer,
      Consumer<String> progress,
      long partBytes) {
    this.partBytes = partBytes;
    this.spark = requireNonNull(spark, "spark is null");
    this.layout = requireNonNull(layout, "layout is null");
    this.files = new WarehouseFiles(spark.sparkContext().hadoopConfiguration());
    this.tables = new CuratedTables(spark);
    this.plainReads = new PlainTableReads(spark, tables);
    this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
    requireNonNull(progress, "progress is null");
    // entities load on several threads; the caller's consumer need not be thread-safe
    this.progress =
        line -> {
          synchronized (this) {
            progress.accept(line);
          }
        };
  }

  /** Ingests a batch folder of UTF-8 files and writes its report. */
  public IngestReport run(String batch, DateParser.BatchCalendar calendar) {
    return run(batch, calendar, BatchEncoding.UTF_8);
  }

  /**
   * Ingests a batch folder whose files are in the given encoding and writes its report; the report
   * says which files failed.
   */
  public IngestReport run(String batch, DateParser.BatchCalendar calendar, BatchEncoding encoding) {
    if (!files.isDirectory(batch)) {
      throw new IllegalArgumentException(
          "batch folder " + batch + " does not exist or is not a folder; pass --batch DIR");
    }
    Instant now = Instant.now();
    removeAbandonedStaging(now);
    String ingestId = WarehouseLayout.newId(now);
    String startedAt = IngestReport.now();
    String staging = layout.staging(ingestId);
    createdFrom.clear();
    previousLoads = PreviousLoads.read(layout, files, calendar, encoding, keyCheck());
    // before anything is written: rows under another key would be every family a second time
    KeyCheck.requireMatches(
        previousLoads.storedKeyCheck(),
        pseudonymizer,
        "this ingest was given",
        "each family and person of the batch would be stored a second time beside the first");
    BatchPlan plan =
        BatchPlan.of(
            files.listFileNames(batch),
            name -> sheetNames(batch, name),
            name -> mapping(batch, name));
    Map<Entity, List<BatchSource>> byEntity = plan.sources();
    List<FileReport> reports = new ArrayList<>(plan.reports());
    try {
      // a new warehouse's first indicators file is merged into the default catalogue before the
      // table's first commit: one commit, and no MERGE into the table just seeded
      seedWithIndicators =
          byEntity.containsKey(Entity.INDICATORS)
              && !tables.exists(layout.curated(Entity.INDICATORS.fileName()));
      boolean seeded = seedWithIndicators || seedCatalogueIfAbsent();
      reports.addAll(loadEntities(byEntity, batch, calendar, encoding, ingestId, staging, seeded));
    } finally {
      files.deleteRecursively(staging);
    }
    Map<String, Long> versions = new TreeMap<>();
    for (Entity entity : Entity.values()) {
      long version = tables.version(layout.curated(entity.fileName()));
      if (version >= 0) {
        versions.put(entity.fileName(), version);
      }
    }
    IngestReport report =
        new IngestReport(
            ingestId,
            batch,
            calendar.name().toLowerCase(java.util.Locale.ROOT),
            encoding.code(),
            keyCheck(),
            startedAt,
            IngestReport.now(),
            IngestReport.statusOf(reports),
            reports,
            versions);
    files.writeAtomically(layout.ingestReport(ingestId), report.toJson());
    return report;
  }

  /**
   * Loads the batch's entities. The catalogue comes first, since every other entity is validated
   * against it; each other entity starts as soon as the entities it references ({@link
   * Reference#of}) have been merged, up to {@link #LOADERS} at once, so its references are still
   * checked against stored rows. Reports come back in contract order. A failure stops the entities
   * that reference the failed one; the others finish, every one in its own commit, and the first
   * failure in contract order is thrown.
   */
  private List<FileReport> loadEntities(
      Map<Entity, List<BatchSource>> byEntity,
      String batch,
      DateParser.BatchCalendar calendar,
      BatchEncoding encoding,
      String ingestId,
      String staging,
      boolean seeded) {
    AtomicInteger started = new AtomicInteger();
    // a catalogue this run seeded is the default one, not read back until a batch's indicators
    // have been merged into it
    java.util.function.Supplier<Catalogue> beforeIndicators =
        seeded ? Catalogue::defaultCatalogue : this::storedCatalogue;
    Map<Entity, List<FileReport>> loaded = new EnumMap<>(Entity.class);
    if (byEntity.containsKey(Entity.INDICATORS)) {
      loaded.put(
          Entity.INDICATORS,
          load(
              Entity.INDICATORS,
              byEntity,
              batch,
              beforeIndicators,
              calendar,
              encoding,
              ingestId,
              staging,
              started));
      if (seedWithIndicators && !tables.exists(layout.curated(Entity.INDICATORS.fileName()))) {
        // the file failed, was unchanged or had no rows: the catalogue is seeded as it is
        seedCatalogueIfAbsent();
      }
    }
    java.util.function.Supplier<Catalogue> catalogue =
        byEntity.containsKey(Entity.INDICATORS)
            ? memoized(this::storedCatalogue)
            : memoized(beforeIndicators);
    Map<Entity, CompletableFuture<List<FileReport>>> loading = new EnumMap<>(Entity.class);
    ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
    try {
      for (Entity entity : Entity.values()) {
        if (entity == Entity.INDICATORS || !byEntity.containsKey(entity)) {
          continue;
        }
        CompletableFuture<?>[] referenced =
            Reference.of(entity).stream()
                .flatMap(reference -> reference.targets().stream())
                .distinct()
                .map(loading::get)
                .filter(java.util.Objects::nonNull)
                .toArray(CompletableFuture<?>[]::new);
        loading.put(
            entity,
            CompletableFuture.allOf(referenced)
                .thenApplyAsync(
                    ready ->
                        load(
                            entity, byEntity, batch, catalogue, calendar, encoding, ingestId,
                            staging, started),
                    loaders));
      }
      // every load ends, failed or not, before staging is removed
      CompletableFuture.allOf(loading.values().toArray(CompletableFuture<?>[]::new))
          .handle((ignored, failure) -> null)
          .join();
    } finally {
      loaders.shutdown();
    }
    for (Map.Entry<Entity, CompletableFuture<List<FileReport>>> entry : loading.entrySet()) {
      try {
        loaded.put(entry.getKey(), entry.getValue().join());
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("cannot load " + entry.getKey().fileName(), cause);
      }
    }
    return loaded.values().stream().flatMap(List::stream).toList();
  }

  private List<FileReport> load(
      Entity entity,
      Map<Entity, List<BatchSource>> byEntity,
      String batch,
      java.util.function.Supplier<Catalogue> catalogue,
      DateParser.BatchCalendar calendar,
      BatchEncoding encoding,
      String ingestId,
      String staging,
      AtomicInteger started) {
    List<BatchSource> sources = byEntity.get(entity);
    String step =
        String.format(
            "[%d/%d] %s",
            started.incrementAndGet(),
            byEntity.size(),
            String.join(", ", sources.stream().map(BatchSource::name).toList()));
    Optional<List<FileReport>> unchanged =
        previousLoads.unchanged(entity, () -> digests(batch, sources), tables, layout);
    if (unchanged.isPresent()) {
      progress.accept(
          step + ": unchanged since ingest " + previousLoads.ingestId(entity) + ", not read again");
      return unchanged.get();
    }
    progress.accept(step);
    RowValidator validator =
        new RowValidator(entity, catalogue.get(), new DateParser(calendar), pseudonymizer);
    return loadEntity(
        entity, batch, sources, validator, encoding, ingestId, staging + "/" + entity.fileName());
  }

  /**
   * Removes what ingests killed before their cleanup left in {@code _staging}: folders of ids made
   * more than {@link #ABANDONED_AFTER} ago. No ingest runs that long, so none still in progress is
   * touched; curated tables never depend on staging, so removing it loses nothing.
   */
  private void removeAbandonedStaging(Instant now) {
    String root = layout.stagingRoot();
    if (!files.isDirectory(root)) {
      return;
    }
    for (String name : files.listDirectoryNames(root)) {
      Optional<Instant> made = WarehouseLayout.idTime(name);
      if (made.isPresent() && made.get().isBefore(now.minus(ABANDONED_AFTER))) {
        progress.accept("removing the staging an interrupted ingest left: _staging/" + name);
        files.deleteRecursively(root + "/" + name);
      }
    }
  }

  private List<FileReport> loadEntity(
      Entity entity,
      String batch,
      List<BatchSource> sources,
      RowValidator validator,
      BatchEncoding encoding,
      String ingestId,
      String staging) {
    EntityStager stager = new EntityStager(spark, files, pseudonymizer, progress, partBytes);
    if (sources.size() == 1
        && EntityStager.readsInParts(sources.get(0))
        && IngestTransforms.readsStagedOnce(entity)) {
      return loadInOneJob(
          entity, batch, sources.get(0), stager, validator, encoding, ingestId, staging);
    }
    List<FileReport> reports = new ArrayList<>();
    List<FileStats> staged = new ArrayList<>();
    for (int order = 0; order < sources.size(); order++) {
      BatchSource source = sources.get(order);
      String fileStaging = staging + "/" + order;
      try {
        staged.add(
            stager.stage(
                entity,
                batch + "/" + source.file(),
                source,
                order,
                validator,
                ingestId,
                fileStaging,
                encoding));
      } catch (BatchFileException e) {
        files.deleteRecursively(fileStaging);
        reports.add(FileReport.failed(source.name(), entity.fileName(), e.getMessage()));
        progress.accept("  " + e.getMessage());
      }
    }
    if (staged.isEmpty()) {
      return reports;
    }
    // one write decides every row, the stager's rejects included, and counts them by file and
    // reason as it goes; the rows to merge and the rows to quarantine are then read from it
    DecidedCounts counts = countsOf(entity, ingestId, staged.stream().map(FileStats::file));
    writeDecided(
        counts,
        entity,
        readStaged(staged, staging, entity),
        ingestId,
        digestOf(staged.stream().collect(toMap(FileStats::file, FileStats::digest))),
        staging);
    reports.addAll(merged(entity, staged, counts, staging));
    return reports;
  }

  /**
   * Loads an entity of one file read in parts whose checks read its rows once ({@link
   * IngestTransforms#readsStagedOnce}): the job that reads, validates and pseudonymises the file
   * also checks its rows and writes them decided, so they are never written to staging first.
   */
  private List<FileReport> loadInOneJob(
      Entity entity,
      String batch,
      BatchSource source,
      EntityStager stager,
      RowValidator validator,
      BatchEncoding encoding,
      String ingestId,
      String staging) {
    DecidedCounts counts = countsOf(entity, ingestId, java.util.stream.Stream.of(source.name()));
    FileStats stats;
    try {
      stats =
          stager.stageWith(
              entity,
              batch + "/" + source.file(),
              source,
              0,
              validator,
              ingestId,
              encoding,
              (rows, digest) ->
                  writeDecided(
                      counts,
                      entity,
                      rows,
                      ingestId,
                      digestOf(Map.of(source.name(), digest)),
                      staging));
    } catch (BatchFileException e) {
      files.deleteRecursively(staging);
      progress.accept("  " + e.getMessage());
      return List.of(FileReport.failed(source.name(), entity.fileName(), e.getMessage()));
    }
    return merged(entity, List.of(stats), counts, staging);
  }

  private static DecidedCounts countsOf(
      Entity entity, String ingestId, java.util.stream.Stream<String> files) {
    return new DecidedCounts(files.toList(), "decided " + entity.fileName() + " " + ingestId);
  }

  /**
   * Checks every staged row of an entity ({@link EntityStager#stagedSchema}) and writes them
   * decided ({@link IngestTransforms#decided}) to the entity's staging, counted as they go.
   */
  private void writeDecided(
      DecidedCounts counts,
      Entity entity,
      Dataset<Row> staged,
      String ingestId,
      Column digest,
      String staging) {
    counts
        .observing(
            IngestTransforms.decided(
                IngestTransforms.check(staged, entity, this::storedRows), entity, ingestId, digest))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(staging + "/decided");
  }

  /**
   * Merges the kept decided rows into the entity's table and the quarantined ones into its
   * quarantine, and returns the files' reports from the decided write's counts.
   */
  private List<FileReport> merged(
      Entity entity, List<FileStats> staged, DecidedCounts counts, String staging) {
    Dataset<Row> decided = readDecided(entity, staging + "/decided");
    List<FileReport> loaded =
        fileReports(
            entity,
            staged,
            counts.rows().orElseGet(() -> IngestTransforms.counts(decided).collectAsList()));
    Dataset<Row> kept = IngestTransforms.kept(decided, entity);
    boolean withSeed = entity == Entity.INDICATORS && seedWithIndicators;
    if (withSeed) {
      kept = CatalogueSeed.under(CatalogueSeed.rows(spark), kept);
    }
    if (tables.mergeEntity(layout.curated(entity.fileName()), entity, kept) && !withSeed) {
      createdFrom.put(entity, staging + "/decided");
    }
    if (loaded.stream().anyMatch(f -> f.quarantined() > 0)) {
      tables.mergeQuarantine(
          layout.quarantine(entity.fileName()), IngestTransforms.quarantined(decided));
    }
    return loaded;
  }

  /** Every staged row of the entity's files, of both kinds, read back from staging. */
  private Dataset<Row> readStaged(List<FileStats> staged, String staging, Entity entity) {
    org.apache.spark.sql.types.StructType schema = EntityStager.stagedSchema(entity);
    Dataset<Row> all = spark.createDataFrame(List.of(), schema);
    for (FileStats stats : staged) {
      String path = EntityStager.stagedFolder(staging + "/" + stats.order());
      if (files.exists(path)) {
        all = all.union(spark.read().schema(schema).parquet(path));
      }
    }
    return all;
  }

  /** A quarantined row's file digest, from its {@code source_file}: digests by file name. */
  private static Column digestOf(Map<String, String> digests) {
    Column digest = lit("");
    for (Map.Entry<String, String> file : digests.entrySet()) {
      digest =
          when(col(CuratedSchemas.QUARANTINE_FILE).equalTo(file.getKey()), lit(file.getValue()))
              .otherwise(digest);
    }
    return digest;
  }

  /**
   * The files' reports from the decided rows' counts by file and reason (rows as {@link
   * IngestTransforms#counts} gives them); a file whose rows do not add up to the rows read is a
   * bug.
   */
  private List<FileReport> fileReports(
      Entity entity, List<FileStats> staged, List<Row> byFileAndReason) {
    Map<String, long[]> keptCounts = new HashMap<>();
    Map<String, Map<String, Long>> reasons = new HashMap<>();
    for (Row row : byFileAndReason) {
      String file = row.getString(0);
      if (row.isNullAt(1)) {
        keptCounts.put(file, new long[] {row.getLong(2), row.getLong(3)});
      } else {
        reasons.computeIfAbsent(file, f -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
      }
    }
    List<FileReport> reports = new ArrayList<>();
    for (FileStats stats : staged) {
      long[] counts = keptCounts.getOrDefault(stats.file(), new long[2]);
      Map<String, Long> byReason = reasons.getOrDefault(stats.file(), Map.of());
      long quarantinedRows = byReason.values().stream().mapToLong(Long::longValue).sum();
      if (counts[0] + quarantinedRows != stats.read()) {
        throw new IllegalStateException(
            stats.file()
                + ": "
                + stats.read()
                + " rows read but "
                + counts[0]
                + " accepted and "
                + quarantinedRows
                + " quarantined; this is a bug, nothing was lost from the file");
      }
      reports.add(
          new FileReport(
              stats.file(),
              entity.fileName(),
              FileReport.LOADED,
              null,
              stats.read(),
              counts[0],
              quarantinedRows,
              counts[1],
              byReason,
              stats.ignoredColumns(),
              stats.droppedPersonalColumns(),
              stats.digest()));
    }
    return reports;
  }

  /**
   * The SHA-256 of each source's file, by source name: what an earlier ingest's report is compared
   * with. A sheet counts as changed whenever any part of its workbook has.
   */
  private Map<String, String> digests(String batch, List<BatchSource> sources) {
    Map<String, String> digests = new TreeMap<>();
    for (BatchSource source : sources) {
      String location = batch + "/" + source.file();
      digests.put(
          source.name(),
          source.digest(files.sha256(location), source.parentDigest(files, location)));
    }
    return digests;
  }

  /** The sheet names of a workbook in the batch folder. */
  private List<String> sheetNames(String batch, String name) {
    try (java.io.InputStream in = files.open(batch + "/" + name)) {
      return BatchFileReader.sheetNames(name, in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + batch + "/" + name, e);
    }
  }

  /** A KoboToolbox/ODK mapping file of the batch folder, read. */
  private org.rishe.common.batch.KoboMapping mapping(String batch, String name) {
    try (java.io.InputStream in = files.open(batch + "/" + name)) {
      return org.rishe.common.batch.KoboMapping.parse(name, in.readNBytes(1 << 20));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + batch + "/" + name, e);
    }
  }

  /**
   * A fingerprint of the pseudonym key (the pseudonym of a fixed text, which reveals nothing of the
   * key): an earlier load counts as the same only under the same key.
   */
  private String keyCheck() {
    return KeyCheck.of(pseudonymizer);
  }

  private static <T> java.util.function.Supplier<T> memoized(
      java.util.function.Supplier<T> supplier) {
    return new java.util.function.Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  private Dataset<Row> readDecided(Entity entity, String path) {
    return spark.read().schema(IngestTransforms.decidedSchema(entity)).parquet(path);
  }

  /**
   * The stored rows of an entity. A table this ingest created holds exactly the kept live rows of
   * its decided Parquet, so they are read from there rather than through a Delta scan (a few Spark
   * jobs per reference).
   */
  private Dataset<Row> storedRows(Entity entity) {
    String decided = createdFrom.get(entity);
    if (decided != null) {
      return IngestTransforms.kept(readDecided(entity, decided), entity)
          .filter(col(CuratedSchemas.DELETED_AT).isNull());
    }
    return plainReads.read(layout.curated(entity.fileName()), CuratedSchemas.curated(entity));
  }

  /**
   * Seeds the default catalogue into a warehouse that has none: as the table's first commit when
   * there is no table, or merged into an empty table at version 0, which an ingest of an earlier
   * version (that created the table before merging the seed) may have left when killed between the
   * two. Such a table still counts as unseeded, or every later batch without an indicators file
   * would be checked against an empty catalogue. Returns whether it seeded.
   */
  private boolean seedCatalogueIfAbsent() {
    String path = layout.curated(Entity.INDICATORS.fileName());
    if (tables.exists(path)
        && (tables.version(path) > 0
            || tables
                .firstVersionHasRows(path)
                .orElseGet(
                    () ->
                        !tables.read(path, CuratedSchemas.curated(Entity.INDICATORS)).isEmpty()))) {
      return false;
    }
    Dataset<Row> seed = CatalogueSeed.rows(spark);
    tables.mergeEntity(path, Entity.INDICATORS, seed);
    return true;
  }

  /** The catalogue as stored: the default one plus every batch's additions and updates. */
  public Catalogue storedCatalogue() {
    List<Row> rows =
        plainReads
            .read(
                layout.curated(Entity.INDICATORS.fileName()),
                CuratedSchemas.curated(Entity.INDICATORS))
            .collectAsList();
    List<org.rishe.common.catalogue.Indicator> indicators = new ArrayList<>();
    for (Row row : rows) {
      Map<String, String> fields = new HashMap<>();
      for (String name : row.schema().fieldNames()) {
        Object value = row.getAs(name);
        fields.put(name, value == null ? null : value.toString());
      }
      indicators.add(Catalogue.fromRow(fields));
    }
    return new Catalogue(indicators);
  }
}
