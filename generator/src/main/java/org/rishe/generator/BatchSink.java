package org.rishe.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.rishe.common.csv.CsvWriter;

/**
 * All the open CSV writers of one batch. Rows stream straight to disk, so memory stays flat however
 * many families are generated; the sink only keeps row counts.
 */
final class BatchSink implements AutoCloseable {
  private static final int BUFFER_CHARS = 1 << 16;

  private final Map<EntityFile, CsvWriter> writers = new EnumMap<>(EntityFile.class);
  private final long[] rows = new long[EntityFile.values().length];
  private final DirtyRowInjector injector;
  private final long seed;
  private SplittableRandom dirtyRandom;

  BatchSink(Path outDir, long seed, double dirtyRate) {
    this.seed = seed;
    this.injector = new DirtyRowInjector(dirtyRate);
    try {
      Files.createDirectories(outDir);
      for (EntityFile file : EntityFile.values()) {
        Path path = outDir.resolve(file.fileName());
        OutputStream out = Files.newOutputStream(path);
        CsvWriter writer =
            new CsvWriter(
                new BufferedWriter(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS));
        writers.put(file, writer);
        writer.write(file.header());
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot create batch files in " + outDir, e);
    }
  }

  /** Starts the rows of one unit (a family, the programme list, a volunteer): reseeds the dirt. */
  void startUnit(long unit) {
    if (injector.enabled()) {
      dirtyRandom = Seeds.stream(seed, unit, Seeds.DIRTY);
    }
  }

  void write(EntityFile file, Object... cells) {
    CsvWriter writer = writers.get(file);
    writer.write(Arrays.asList(cells));
    rows[file.ordinal()]++;
    if (injector.enabled()) {
      Object[] broken = injector.maybeBreak(file, cells, dirtyRandom);
      if (broken != null) {
        writer.write(Arrays.asList(broken));
        rows[file.ordinal()]++;
      }
    }
  }

  /** Rows written per file, header excluded, injected rows included. */
  Map<EntityFile, Long> rowCounts() {
    Map<EntityFile, Long> counts = new EnumMap<>(EntityFile.class);
    for (EntityFile file : EntityFile.values()) {
      counts.put(file, rows[file.ordinal()]);
    }
    return counts;
  }

  Map<DirtyReason, Long> dirtyCounts() {
    long[] counts = injector.counts();
    Map<DirtyReason, Long> result = new EnumMap<>(DirtyReason.class);
    for (DirtyReason reason : DirtyReason.values()) {
      result.put(reason, counts[reason.ordinal()]);
    }
    return result;
  }

  @Override
  public void close() {
    UncheckedIOException first = null;
    for (CsvWriter writer : writers.values()) {
      try {
        writer.close();
      } catch (UncheckedIOException e) {
        first = first == null ? e : first;
      }
    }
    writers.clear();
    if (first != null) {
      throw first;
    }
  }
}
