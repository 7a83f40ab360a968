package org.rishe.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.rishe.common.catalogue.Catalogue;

/**
 * Writes a synthetic batch folder in the input data contract, drawn from the causal model that
 * data-samples/README.md documents. Families are generated one at a time, each from its own random
 * stream, and streamed to the open files, so memory does not grow with the number of families and
 * equal configs give byte-identical files.
 */
public final class SyntheticBatchGenerator {
  /** Runs at least this large report progress every 10%. */
  static final long PROGRESS_THRESHOLD = 10_000;

  private static final String[] PROGRAM_KINDS = {
    "education_support",
    "vocational_training",
    "health",
    "psychosocial",
    "legal_aid",
    "food_aid",
    "cash_transfer",
    "housing"
  };

  private SyntheticBatchGenerator() {}

  public static BatchSummary generate(GeneratorConfig config) {
    return generate(config, line -> {});
  }

  /** Generates the batch; {@code progress} receives a line at every 10% of a large run. */
  public static BatchSummary generate(GeneratorConfig config, Consumer<String> progress) {
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(progress, "progress is null");
    long started = System.nanoTime();
    long indicatorRows = copyCatalogue(config.outDir());
    long regionRows = RegionCatalogue.write(config.outDir());
    Timeline timeline = new Timeline(config.startYear(), config.endYear());
    Map<EntityFile, Long> counts;
    Map<DirtyReason, Long> dirty;
    try (BatchSink sink = new BatchSink(config.outDir(), config.seed(), config.dirtyRate())) {
      ObservationWriter observations = new ObservationWriter(sink);
      ProgramSimulator programs = new ProgramSimulator(timeline, sink, observations);
      sink.startUnit(0);
      programs.writePrograms();
      FamilySimulator families =
          new FamilySimulator(
              config.seed(),
              timeline,
              config.traps(),
              sink,
              observations,
              new CaseSimulator(config.seed(), sink, config.outbreaks()),
              programs,
              new NeedSimulator(config.seed(), timeline, sink),
              new DonationSimulator(config.seed(), timeline, sink, config.families()));
      long step = Math.max(1, config.families() / 10);
      for (long family = 1; family <= config.families(); family++) {
        families.simulate(family);
        if (config.families() >= PROGRESS_THRESHOLD && family % step == 0) {
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "generated %d of %d families (%d%%)",
                  family,
                  config.families(),
                  family * 100 / config.families()));
        }
      }
      writeVolunteers(config, timeline, sink);
      counts = sink.rowCounts();
      dirty = sink.dirtyCounts();
    }
    // The total effects take seconds of simulation, so they are drawn only for a truth file.
    List<GroundTruth.TotalEffect> totalEffects =
        config.truth().isPresent()
            ? InterventionTruth.compute(
                config.seed(), timeline, config.traps(), InterventionTruth.FAMILIES)
            : List.of();
    GroundTruth truth = TruthBuilder.build(config.outbreaks(), dirty, config.traps(), totalEffects);
    config.truth().ifPresent(path -> TruthBuilder.write(truth, path));
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("indicators.csv", indicatorRows);
    counts.forEach((file, count) -> rows.put(file.fileName(), count));
    rows.put(RegionCatalogue.FILE_NAME, regionRows);
    return new BatchSummary(rows, truth, (System.nanoTime() - started) / 1_000_000);
  }

  /** About one volunteer per 25 families, each interested in one to three programme kinds. */
  private static void writeVolunteers(GeneratorConfig config, Timeline timeline, BatchSink sink) {
    long volunteers = Math.max(10, config.families() / 25);
    for (long number = 1; number <= volunteers; number++) {
      sink.startUnit(-number);
      SplittableRandom random = Seeds.stream(config.seed(), number, Seeds.VOLUNTEER);
      int first = random.nextInt(PROGRAM_KINDS.length);
      StringBuilder interests = new StringBuilder(PROGRAM_KINDS[first]);
      int more = random.nextInt(3);
      for (int i = 1; i <= more; i++) {
        interests.append(';').append(PROGRAM_KINDS[(first + i * 3) % PROGRAM_KINDS.length]);
      }
      sink.write(
          EntityFile.VOLUNTEERS,
          Ids.volunteer(number),
          "R" + Ids.pad(1 + random.nextInt(10), 2),
          interests.toString(),
          Timeline.date(Timeline.between(random, timeline.start() - 730, timeline.end())));
    }
  }

  /** Copies the default catalogue into the batch; returns its number of rows. */
  private static long copyCatalogue(Path outDir) {
    Path target = outDir.resolve("indicators.csv");
    try (InputStream in = Catalogue.class.getResourceAsStream(Catalogue.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "default catalogue resource " + Catalogue.DEFAULT_RESOURCE + " is missing");
      }
      Files.createDirectories(outDir);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return Catalogue.defaultCatalogue().indicators().size();
  }
}
