package org.rishe.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides a synthetic batch. Two runs with equal configs write byte-identical
 * files.
 *
 * @param truthFile where to write the truth JSON; null for none
 * @param dirtyRate per valid row, the probability that one extra row breaking the contract follows
 *     it
 * @param startYear first calendar year of the simulated period (registrations, cases, donations)
 * @param endYear last calendar year of the simulated period, inclusive
 * @param traps sibling frailty, income recovery, a post-onset consequence and loss to follow-up;
 *     {@link Traps#NONE} by default
 */
public record GeneratorConfig(
    long families,
    long seed,
    Path outDir,
    Path truthFile,
    List<Outbreak> outbreaks,
    double dirtyRate,
    int startYear,
    int endYear,
    Traps traps) {

  public static final long DEFAULT_FAMILIES = 1000;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_START_YEAR = 2021;
  public static final int DEFAULT_END_YEAR = 2025;

  /** Person, case and enrollment ids embed the family number, so it must fit their width. */
  public static final long MAX_FAMILIES = 9_999_999;

  public GeneratorConfig {
    Objects.requireNonNull(outDir, "outDir is null");
    outbreaks = List.copyOf(Objects.requireNonNull(outbreaks, "outbreaks is null"));
    Objects.requireNonNull(traps, "traps is null");
    if (families < 1 || families > MAX_FAMILIES) {
      throw new IllegalArgumentException(
          "families must be between 1 and " + MAX_FAMILIES + ", was " + families);
    }
    if (!(dirtyRate >= 0.0 && dirtyRate <= 0.5)) {
      throw new IllegalArgumentException("dirty rate must be between 0 and 0.5, was " + dirtyRate);
    }
    // Onset chains need about two years after registration to play out.
    if (startYear < 1990 || endYear > 2100 || endYear - startYear < 2) {
      throw new IllegalArgumentException(
          "years must span at least three calendar years within 1990..2100, were "
              + startYear
              + ".."
              + endYear);
    }
  }

  /** A config with the defaults for everything but the output folder. */
  public static GeneratorConfig defaults(Path outDir) {
    return new GeneratorConfig(
        DEFAULT_FAMILIES,
        DEFAULT_SEED,
        outDir,
        null,
        List.of(),
        0.0,
        DEFAULT_START_YEAR,
        DEFAULT_END_YEAR,
        Traps.NONE);
  }

  public Optional<Path> truth() {
    return Optional.ofNullable(truthFile);
  }

  public GeneratorConfig withFamilies(long newFamilies) {
    return new GeneratorConfig(
        newFamilies, seed, outDir, truthFile, outbreaks, dirtyRate, startYear, endYear, traps);
  }

  public GeneratorConfig withSeed(long newSeed) {
    return new GeneratorConfig(
        families, newSeed, outDir, truthFile, outbreaks, dirtyRate, startYear, endYear, traps);
  }

  public GeneratorConfig withOutDir(Path newOutDir) {
    return new GeneratorConfig(
        families, seed, newOutDir, truthFile, outbreaks, dirtyRate, startYear, endYear, traps);
  }

  public GeneratorConfig withTruthFile(Path newTruthFile) {
    return new GeneratorConfig(
        families, seed, outDir, newTruthFile, outbreaks, dirtyRate, startYear, endYear, traps);
  }

  public GeneratorConfig withOutbreaks(List<Outbreak> newOutbreaks) {
    return new GeneratorConfig(
        families, seed, outDir, truthFile, newOutbreaks, dirtyRate, startYear, endYear, traps);
  }

  public GeneratorConfig withDirtyRate(double newDirtyRate) {
    return new GeneratorConfig(
        families, seed, outDir, truthFile, outbreaks, newDirtyRate, startYear, endYear, traps);
  }

  public GeneratorConfig withTraps(Traps newTraps) {
    return new GeneratorConfig(
        families, seed, outDir, truthFile, outbreaks, dirtyRate, startYear, endYear, newTraps);
  }
}
