package org.rishe.generator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;

/**
 * {@code bin/rishe generate}: writes a synthetic batch folder and, optionally, its truth JSON. Exit
 * codes: 0 done, 1 the batch could not be written, 2 bad arguments.
 */
public final class GenerateCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: rishe generate --out DIR [options]",
          "  --out DIR            batch folder to write (created; existing files replaced)",
          "  --families N         number of families (default 1000, at most 9999999)",
          "  --seed S             random seed; the same seed gives identical files (default 42)",
          "  --truth FILE         also write the known truth (edges, effects, dirt) as JSON",
          "  --outbreak REGION:PROBLEM:YYYY-MM[:MULTIPLIER]",
          "                       multiply one region's cases of a problem in one month"
              + " (default x3; repeatable)",
          "  --dirty-rate R       per valid row, chance of one extra invalid row (default 0)",
          "  --start-year Y       first simulated year (default 2021)",
          "  --end-year Y         last simulated year (default 2025)",
          "  --traps on|off       sibling frailty, income recovery, a post-onset consequence and"
              + " loss to follow-up (default off)",
          "  --warehouse DIR      accepted like every rishe command; generate does not use it",
          "  --help               this text");

  private GenerateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    GeneratorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("rishe generate: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (config == null) {
      out.println(USAGE);
      return 0;
    }
    try {
      BatchSummary summary =
          SyntheticBatchGenerator.generate(config, line -> err.println("rishe generate: " + line));
      out.println(summary.describe() + " -> " + config.outDir());
      return 0;
    } catch (UncheckedIOException e) {
      err.println(
          "rishe generate: "
              + e.getMessage()
              + ": "
              + e.getCause().getMessage()
              + " (check that the folder is writable)");
      return 1;
    }
  }

  /** The config the arguments ask for, or null when they ask for help. */
  static GeneratorConfig parse(String[] args) {
    Path out = null;
    Path truth = null;
    long families = GeneratorConfig.DEFAULT_FAMILIES;
    long seed = GeneratorConfig.DEFAULT_SEED;
    double dirtyRate = 0.0;
    int startYear = GeneratorConfig.DEFAULT_START_YEAR;
    int endYear = GeneratorConfig.DEFAULT_END_YEAR;
    List<Outbreak> outbreaks = new ArrayList<>();
    Traps traps = Traps.NONE;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      if (!option.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + option + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--out" -> out = Path.of(value);
        case "--truth" -> truth = Path.of(value);
        case "--families" -> families = parseLong(option, value);
        case "--seed" -> seed = parseLong(option, value);
        case "--dirty-rate" -> dirtyRate = parseDouble(option, value);
        case "--start-year" -> startYear = (int) parseLong(option, value);
        case "--end-year" -> endYear = (int) parseLong(option, value);
        case "--outbreak" -> outbreaks.add(checkedOutbreak(value));
        case "--traps" -> traps = parseTraps(value);
        case "--warehouse" -> {
          // Generating never touches the warehouse; accepted so bin/rishe can pass it to all.
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    return new GeneratorConfig(
        families, seed, out, truth, outbreaks, dirtyRate, startYear, endYear, traps);
  }

  private static Outbreak checkedOutbreak(String spec) {
    Outbreak outbreak = Outbreak.parse(spec);
    boolean known =
        Catalogue.defaultCatalogue()
            .find(outbreak.problem())
            .filter(indicator -> indicator.kind() == Indicator.Kind.PROBLEM)
            .isPresent();
    if (!known) {
      throw new IllegalArgumentException(
          "outbreak problem '"
              + outbreak.problem()
              + "' is not a problem code of the default catalogue");
    }
    return outbreak;
  }

  private static Traps parseTraps(String value) {
    return switch (value.trim()) {
      case "on" -> Traps.STANDARD;
      case "off" -> Traps.NONE;
      default ->
          throw new IllegalArgumentException("--traps must be on or off, was '" + value + "'");
    };
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
    }
  }

  private static double parseDouble(String option, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
    }
  }
}
