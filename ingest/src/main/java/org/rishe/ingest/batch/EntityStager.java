package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileException;
import org.rishe.common.batch.BatchFileParts;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.batch.SourceRow;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.RowValidator;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Stages one batch file: validates each row against the contract and writes accepted and rejected
 * rows to the ingest's staging Parquet, in the two folders {@link #stagedPath} names. A {@code
 * .csv} or {@code .jsonl} file is read in parts on the executors ({@link PartStager}), each record
 * still carrying the line a sequential read gives it. A workbook's sheet and a KoboToolbox/ODK
 * export are read once, on the driver, because only a sequential read of them knows their rows;
 * memory stays bounded by the chunk size whatever the file's length.
 */
public final class EntityStager {
  /** The staged rows of a file that passed the row checks. */
  public static final String ACCEPTED = "accepted";

  /** The staged rows of a file that failed them, as quarantine rows. */
  public static final String REJECTED = "rejected";

  private static final int CHUNK_ROWS = 50_000;
  private static final long PROGRESS_EVERY = 250_000;

  /** How much of a file that is not UTF-8 is read to name its likely encoding. */
  private static final int ENCODING_SAMPLE_BYTES = 64 * 1024;

  private final SparkSession spark;
  private final WarehouseFiles files;
  private final Pseudonymizer pseudonymizer;
  private final Consumer<String> progress;
  private final PartStager parts;

  public EntityStager(
      SparkSession spark,
      WarehouseFiles files,
      Pseudonymizer pseudonymizer,
      Consumer<String> progress) {
    this(spark, files, pseudonymizer, progress, BatchFileParts.DEFAULT_PART_BYTES);
  }

  /** A stager that cuts {@code .csv} and {@code .jsonl} files into parts of {@code partBytes}. */
  public EntityStager(
      SparkSession spark,
      WarehouseFiles files,
      Pseudonymizer pseudonymizer,
      Consumer<String> progress,
      long partBytes) {
    this.spark = requireNonNull(spark, "spark is null");
    this.files = requireNonNull(files, "files is null");
    this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.parts = new PartStager(spark, files, progress, partBytes);
  }

  /** The folder a file's staged rows are written under, split by {@link PartStager#KIND}. */
  public static String stagedFolder(String fileStaging) {
    return fileStaging + "/staged";
  }

  /**
   * The Parquet folder of a file's staged rows of one kind ({@link #ACCEPTED} or {@link
   * #REJECTED}), staged in {@code fileStaging}; read it with the staging or the quarantine schema.
   * It is missing when the file has no row of that kind.
   */
  public static String stagedPath(String fileStaging, String kind) {
    return stagedFolder(fileStaging) + "/" + PartStager.KIND + "=" + kind;
  }

  /**
   * Stages one file, or one sheet of a batch workbook ({@code location} is then the workbook's),
   * into {@code fileStaging} (see {@link #stagedPath}); throws {@link
   * org.rishe.common.batch.BatchFileException} when the file cannot be read at all (nothing of it
   * is then used).
   */
  public FileStats stage(
      Entity entity,
      String location,
      BatchSource source,
      int order,
      RowValidator validator,
      String ingestId,
      String fileStaging,
      BatchEncoding encoding) {
    if (readsInParts(source)) {
      return stageWith(
          entity,
          location,
          source,
          order,
          validator,
          ingestId,
          encoding,
          (rows, digest) ->
              rows.write()
                  .partitionBy(PartStager.KIND)
                  .mode(SaveMode.Overwrite)
                  .parquet(stagedFolder(fileStaging)));
    }
    RowStaging staging =
        new RowStaging(entity, validator, pseudonymizer, ingestId, source.name(), order);
    try {
      return stageOnDriver(entity, location, source, order, staging, fileStaging, encoding);
    } catch (BatchFileException e) {
      throw withEncodingAdvice(e, location, source.name(), encoding);
    }
  }

  /**
   * Whether a source is read in parts on the executors ({@code .csv} and {@code .jsonl} files): its
   * staged rows can then be computed by the job that uses them ({@link #stageWith}) instead of
   * written to staging first.
   */
  public static boolean readsInParts(BatchSource source) {
    return source.mapping() == null
        && source.sheet() == null
        && BatchFileParts.splittable(source.file());
  }

  /**
   * Stages a file that {@link #readsInParts} without writing its staged rows: {@code use} is given
   * them, in the shape of {@link #stagedSchema}, with the file's digest, and runs the one Spark job
   * that reads, validates and pseudonymises the file as it computes them. That job must compute the
   * rows once (the file's counts are added up as they are read). Throws {@link
   * org.rishe.common.batch.BatchFileException} when the file cannot be read at all; nothing of it
   * is then used.
   */
  public FileStats stageWith(
      Entity entity,
      String location,
      BatchSource source,
      int order,
      RowValidator validator,
      String ingestId,
      BatchEncoding encoding,
      BiConsumer<Dataset<Row>, String> use) {
    if (!readsInParts(source)) {
      throw new IllegalArgumentException(source.name() + " is not read in parts");
    }
    RowStaging staging =
        new RowStaging(entity, validator, pseudonymizer, ingestId, source.name(), order);
    try {
      return parts.stageWith(entity, location, source, order, staging, encoding, use);
    } catch (BatchFileException e) {
      throw withEncodingAdvice(e, location, source.name(), encoding);
    }
  }

  /**
   * The schema of a file's staged rows, of both kinds: the staging columns, then the quarantine
   * columns, then {@link PartStager#KIND}; a row fills one of the two groups. Reading a file's
   * staged folder ({@link #stagedFolder}) with it gives all its rows at once, whichever way the
   * file was staged.
   */
  public static StructType stagedSchema(Entity entity) {
    return PartStager.stagedSchema(entity);
  }

  /** Reads a sheet or an export sequentially, appending staged rows a chunk at a time. */
  private FileStats stageOnDriver(
      Entity entity,
      String location,
      BatchSource source,
      int order,
      RowStaging staging,
      String fileStaging,
      BatchEncoding encoding) {
    String fileName = source.name();
    String acceptedPath = stagedPath(fileStaging, ACCEPTED);
    String rejectedPath = stagedPath(fileStaging, REJECTED);
    StructType acceptedSchema = CuratedSchemas.staging(entity);
    StructType rejectedSchema = CuratedSchemas.quarantine();
    List<org.apache.spark.sql.Row> accepted = new ArrayList<>();
    List<org.apache.spark.sql.Row> rejected = new ArrayList<>();
    Map<String, Long> reasons = new TreeMap<>();
    long read = 0;
    MessageDigest digest = sha256();
    long size = files.length(location);
    long started = System.nanoTime();
    try (CountingInputStream raw = new CountingInputStream(files.open(location));
        DigestInputStream in = new DigestInputStream(raw, digest);
        BatchFileReader reader = source.open(in, encoding, name -> openBeside(location, name))) {
      Optional<SourceRow> next;
      while ((next = reader.next()).isPresent()) {
        read++;
        RowStaging.Staged staged = staging.stage(next.get());
        if (staged.accepted()) {
          accepted.add(RowFactory.create(staged.values()));
        } else {
          reasons.merge(staged.reason(), 1L, Long::sum);
          rejected.add(RowFactory.create(staged.values()));
        }
        if (accepted.size() >= CHUNK_ROWS) {
          append(accepted, acceptedSchema, acceptedPath);
        }
        if (rejected.size() >= CHUNK_ROWS) {
          append(rejected, rejectedSchema, rejectedPath);
        }
        if (read % PROGRESS_EVERY == 0) {
          progress.accept(
              progressLine(fileName, read, raw.count(), size, System.nanoTime() - started));
        }
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
      append(accepted, acceptedSchema, acceptedPath);
      append(rejected, rejectedSchema, rejectedPath);
      return new FileStats(
          fileName,
          order,
          read,
          reasons,
          ignoredColumns(entity, reader.columns()),
          List.copyOf(new TreeSet<>(reader.droppedPersonalColumns())),
          source.digest(
              HexFormat.of().formatHex(digest.digest()), source.parentDigest(files, location)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /**
   * The columns of a file that are neither the entity's fields, nor dropped as personal, nor its
   * tombstone column, sorted: the report lists them as ignored.
   */
  static List<String> ignoredColumns(Entity entity, Iterable<String> columns) {
    Set<String> ignored = new TreeSet<>();
    for (String column : columns) {
      if (entity.field(column).isEmpty()
          && !entity.dropsColumn(column)
          && !column.equals(Entity.DELETED_AT)) {
        ignored.add(column);
      }
    }
    return List.copyOf(ignored);
  }

  /** A file of the batch folder beside the one read, by name; none fails the source alone. */
  private InputStream openBeside(String location, String name) {
    String beside = BatchSource.beside(location, name);
    if (!files.exists(beside)) {
      throw new org.rishe.common.batch.BatchFileException(
          name
              + " is not in the batch folder; a repeat group's export is read with the export of"
              + " the submissions it belongs to");
    }
    return files.open(beside);
  }

  /**
   * A file that is not UTF-8 but whose start reads as Persian or Arabic in Windows-1256 fails
   * naming the option that reads it; any other failure is left as it is.
   */
  private BatchFileException withEncodingAdvice(
      BatchFileException failure, String location, String fileName, BatchEncoding encoding) {
    boolean undecodable = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      undecodable |= cause instanceof CharacterCodingException;
    }
    if (!undecodable || encoding != BatchEncoding.UTF_8) {
      return failure;
    }
    byte[] start;
    try (InputStream in = files.open(location)) {
      start = in.readNBytes(ENCODING_SAMPLE_BYTES);
    } catch (IOException | UncheckedIOException e) {
      return failure;
    }
    if (!BatchEncoding.looksLikeWindows1256(start)) {
      return failure;
    }
    return new BatchFileException(
        fileName
            + ": the file is not UTF-8 text; it reads as Windows-1256 (Persian Windows or an older"
            + " Excel): ingest the batch with --encoding windows-1256, or save the file as UTF-8",
        failure);
  }

  /**
   * {@code observations.csv: 250,000 rows, 25% of 200 MB, 25,000 rows/s, about 30 s left}: the
   * share is of the file's bytes read so far, and the time left assumes the same pace.
   */
  static String progressLine(String fileName, long rows, long bytesRead, long size, long nanos) {
    double seconds = Math.max(nanos / 1e9, 1e-3);
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "  %s: %,d rows", fileName, rows));
    if (size > 0) {
      line.append(
          String.format(
              Locale.ROOT,
              ", %d%% of %,d MB",
              Math.min(100, Math.round(100.0 * bytesRead / size)),
              Math.round(size / 1e6)));
    }
    line.append(String.format(Locale.ROOT, ", %,d rows/s", Math.round(rows / seconds)));
    if (size > 0 && bytesRead > 0 && bytesRead < size) {
      long left = Math.round((size - bytesRead) / (bytesRead / seconds));
      line.append(
          left < 60
              ? String.format(Locale.ROOT, ", about %d s left", left)
              : String.format(Locale.ROOT, ", about %d min %d s left", left / 60, left % 60));
    }
    return line.toString();
  }

  /** Counts the bytes read through it, for the progress line. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  private void append(List<org.apache.spark.sql.Row> rows, StructType schema, String path) {
    if (rows.isEmpty()) {
      return;
    }
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Append).parquet(path);
    rows.clear();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
