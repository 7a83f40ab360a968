package org.rishe.common.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}; {@code --help} and
 * {@code -h} are always known. An unknown option or a missing value is an error naming it.
 */
public final class Arguments {
  private final Map<String, List<String>> values;
  private final Set<String> flags;
  private final boolean help;

  private Arguments(Map<String, List<String>> values, Set<String> flags, boolean help) {
    this.values = values;
    this.flags = flags;
    this.help = help;
  }

  public static Arguments parse(String[] args, Set<String> options, Set<String> knownFlags) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Set<String> flags = new java.util.HashSet<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (knownFlags.contains(arg)) {
        flags.add(arg);
      } else if (options.contains(arg)) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        values.computeIfAbsent(arg, k -> new ArrayList<>()).add(args[++i]);
      } else if (arg.contains("=") && options.contains(arg.substring(0, arg.indexOf('=')))) {
        values
            .computeIfAbsent(arg.substring(0, arg.indexOf('=')), k -> new ArrayList<>())
            .add(arg.substring(arg.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new Arguments(values, Set.copyOf(flags), help);
  }

  public boolean help() {
    return help;
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** The option's last value. */
  public Optional<String> value(String name) {
    List<String> list = values.get(name);
    return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  /** Every value given for a repeatable option. */
  public List<String> values(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }

  /** A whole-number option within bounds, or the default. */
  public long longValue(String name, long defaultValue, long minimum, long maximum) {
    Optional<String> text = value(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(text.get().replace("_", ""));
      if (value < minimum || value > maximum) {
        throw new IllegalArgumentException(
            name + " must be between " + minimum + " and " + maximum + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number, not '" + text.get() + "'");
    }
  }
}
