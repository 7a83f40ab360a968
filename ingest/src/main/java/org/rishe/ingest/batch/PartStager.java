package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.batch.BatchFileException;
import org.rishe.common.batch.BatchFileParts;
import org.rishe.common.batch.BatchFileReader;
import org.rishe.common.contract.Entity;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.progress.JobProgress;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Stages a {@code .csv} or {@code .jsonl} batch file on the executors instead of one driver thread.
 * The driver only reads the file's bytes once, for its digest and its parts ({@link
 * BatchFileParts}); one Spark job then reads, validates and pseudonymises the parts, a task each
 * (see {@link PartReader}), as one dataset of accepted and rejected records told apart by {@link
 * #KIND}: the job that writes them to the two folders {@link EntityStager#stagedPath} names, or the
 * ingest's job that checks and writes them decided. The file's counts and columns come back through
 * an accumulator, never by collecting rows; while the job runs, {@link JobProgress} tells how far
 * it has got. A file that cannot be read at all fails as a whole with the message a read of the
 * whole file gives (see {@link #firstFailure}).
 */
final class PartStager {
  /** The staged rows' column saying whether a row is accepted or rejected. */
  static final String KIND = "_staged";

  private final SparkSession spark;
  private final WarehouseFiles files;
  private final Consumer<String> progress;
  private final long partBytes;

  PartStager(SparkSession spark, WarehouseFiles files, Consumer<String> progress, long partBytes) {
    this.spark = requireNonNull(spark, "spark is null");
    this.files = requireNonNull(files, "files is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.partBytes = partBytes;
  }

  /**
   * Stages the file at {@code location} in the one Spark job {@code use} runs on its staged rows
   * ({@link #stagedSchema}), given them and the file's digest; throws {@link BatchFileException}
   * when it cannot be read at all. The rows must be computed once, by one action: the file's counts
   * are added up as they are read.
   */
  FileStats stageWith(
      Entity entity,
      String location,
      BatchSource source,
      int order,
      RowStaging staging,
      BatchEncoding encoding,
      BiConsumer<Dataset<Row>, String> use) {
    String fileName = source.name();
    long size = files.length(location);
    BatchFileParts parts;
    try (InputStream in = files.open(location)) {
      parts = BatchFileParts.scan(source.file(), in, encoding, partBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
    String digest = source.digest(parts.sha256(), source.parentDigest(files, location));
    StructType schema = stagedSchema(entity);
    FileTally tally = new FileTally();
    spark.sparkContext().register(tally);
    PartReader reader =
        new PartReader(
            location,
            source.file(),
            encoding,
            parts.headerEnd(),
            staging,
            CuratedSchemas.staging(entity).size(),
            schema.size(),
            tally,
            spark.sparkContext().hadoopConfiguration());
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(parts.parts(), parts.parts().size())
            .mapPartitions(reader);
    progress.accept(startLine(fileName, size, parts.parts().size()));
    long started = System.nanoTime();
    try (JobProgress watch =
        JobProgress.watch(
            spark.sparkContext(),
            fileName,
            progress,
            JobProgress.DEFAULT_INTERVAL,
            List.of(
                new JobProgress.Count("rows", tally::read, 0),
                new JobProgress.Count(
                    "MB", () -> tally.bytes() / 1_000_000, Math.max(1, size / 1_000_000))))) {
      use.accept(spark.createDataFrame(rows, schema), digest);
    } catch (Exception e) {
      RuntimeException failure = unwrapped(e);
      if (failure instanceof BatchFileException partFailure && parts.parts().size() > 1) {
        throw firstFailure(source.file(), location, encoding, partFailure);
      }
      throw failure;
    }
    progress.accept(
        EntityStager.progressLine(fileName, tally.read(), size, size, System.nanoTime() - started));
    return new FileStats(
        fileName,
        order,
        tally.read(),
        tally.rejectedByReason(),
        EntityStager.ignoredColumns(entity, tally.columns()),
        List.copyOf(tally.droppedPersonalColumns()),
        digest);
  }

  /**
   * The staged rows' schema: the staging columns, the quarantine columns, then {@link #KIND}; every
   * column nullable, since a row fills only one of the two groups.
   */
  static StructType stagedSchema(Entity entity) {
    List<StructField> fields = new ArrayList<>(List.of(CuratedSchemas.staging(entity).fields()));
    List<String> names = new ArrayList<>(List.of(CuratedSchemas.staging(entity).fieldNames()));
    for (StructField field : CuratedSchemas.quarantine().fields()) {
      if (names.contains(field.name())) {
        throw new IllegalStateException(
            entity.fileName() + " has a column named as quarantine's " + field.name());
      }
      fields.add(field);
    }
    fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
    return DataTypes.createStructType(fields).asNullable();
  }

  /**
   * The failure a task met: the {@link BatchFileException} that stopped a part (so the file fails
   * with the message a read of it on the driver gives), else the failure as it is.
   */
  private static RuntimeException unwrapped(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BatchFileException batchFile) {
        return batchFile;
      }
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure.getMessage(), failure);
  }

  /**
   * The fault a read of the whole file meets first. The job stops at the first part that fails,
   * which need not be the file's first faulty part, and two faults can fail a file with different
   * messages (a quote never closed, bytes that are not UTF-8); so a failed file is read again on
   * the driver, only its records, until it fails as it does when read whole. Failures are rare, and
   * the file is not used.
   */
  private BatchFileException firstFailure(
      String fileName, String location, BatchEncoding encoding, BatchFileException partFailure) {
    try (InputStream in = files.open(location);
        BatchFileReader reader = BatchFileReader.open(fileName, in, encoding)) {
      while (reader.next().isPresent()) {
        // only the failure matters
      }
    } catch (BatchFileException e) {
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
    return partFailure;
  }

  /** {@code people.csv: 120.0 MB in 4 parts, read on the executors}. */
  static String startLine(String fileName, long size, int parts) {
    return String.format(
        Locale.ROOT,
        "  %s: %,.1f MB in %d part%s, read on the executors",
        fileName,
        size / 1e6,
        parts,
        parts == 1 ? "" : "s");
  }
}
