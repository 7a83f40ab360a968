package org.rishe.common.batch;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rishe.common.contract.Reason;
import org.rishe.common.contract.RowResult;

/**
 * Reads a KoboToolbox or ODK export (a CSV file, or a sheet of an XLSX export) through one target
 * of a {@link KoboMapping}: each submission (or repeat-group row) becomes the target entity's row,
 * or for {@code observations} one row per answered indicator, numbered by the export's line (or
 * spreadsheet row). Only the form fields the mapping names are read from the export: every other
 * column, names and phones among them, is dropped as the export is read and reaches no table, log
 * or quarantine. An answer the mapping's value map does not hold rejects its submission's row
 * ({@code value_not_allowed}, naming the form field).
 */
final class KoboBatchFileReader implements BatchFileReader {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern DATE_TIME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)(.*)");

  private final KoboMapping mapping;
  private final KoboMapping.Target target;
  private final BatchFileReader export;
  private final Set<String> wanted;
  private final Set<String> perChoice = new HashSet<>();
  private final Queue<SourceRow> pending = new ArrayDeque<>();
  private final RepeatParents parents;

  /**
   * The reader of an export through one target of its mapping (see {@link
   * BatchFileReader#openKobo}), holding the keys of up to {@code budget}'s parent rows in memory.
   */
  static BatchFileReader open(
      KoboMapping mapping,
      KoboMapping.Target target,
      String source,
      InputStream input,
      BatchEncoding encoding,
      Function<String, InputStream> openFile,
      RepeatParents.KeyBudget budget) {
    return new KoboBatchFileReader(
        mapping,
        target,
        source,
        drops ->
            exportReader(mapping, target.export(), target.sheet(), source, input, encoding, drops),
        () -> {
          String parent = target.parentExport(mapping);
          return exportReader(
              mapping,
              parent,
              target.parentSheet(),
              parentSource(mapping, target),
              openFile.apply(parent),
              encoding,
              column -> !RepeatParents.PARENT_COLUMNS.contains(column.trim()));
        },
        budget);
  }

  /** A reader of an export's CSV file or XLSX sheet keeping the columns {@code drops} keeps. */
  private static BatchFileReader exportReader(
      KoboMapping mapping,
      String export,
      String sheet,
      String source,
      InputStream input,
      BatchEncoding encoding,
      Predicate<String> drops) {
    String lower = export.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      return new XlsxBatchFileReader(source, sheet, input, drops, drops.negate());
    }
    if (lower.endsWith(".csv")) {
      return new CsvBatchFileReader(source, encoding.reader(input), drops, mapping.delimiter());
    }
    throw new BatchFileException(
        mapping.fileName()
            + ": the export "
            + export
            + " is neither .csv nor .xlsx; export the form as CSV or XLS (.xlsx)");
  }

  /**
   * @param source the export (or {@code export#sheet}) named in messages
   * @param open opens the export with the columns to keep
   * @param openParent opens the export of the rows a repeat group's rows belong to (the target's
   *     {@link KoboMapping.Target#parentExport}), keeping only its keys; called only when the
   *     target's export is a repeat group's
   */
  private KoboBatchFileReader(
      KoboMapping mapping,
      KoboMapping.Target target,
      String source,
      Function<Predicate<String>, BatchFileReader> open,
      Supplier<BatchFileReader> openParent,
      RepeatParents.KeyBudget budget) {
    this.mapping = mapping;
    this.target = target;
    this.wanted = new HashSet<>();
    for (String field : target.fields()) {
      wanted.add(mapping.header(field));
    }
    for (KoboMapping.Indicator indicator : target.indicators()) {
      if (indicator.selectMultiple()) {
        for (String choice : indicator.choices().keySet()) {
          wanted.add(choiceHeader(indicator, choice));
        }
      }
    }
    wanted.addAll(RepeatParents.ROW_COLUMNS);
    this.export = open.apply(column -> !wanted.contains(column.trim()));
    try {
      boolean repeat = RepeatParents.isRepeat(export.columns()) && !target.readsParent(mapping);
      checkHeader(source, repeat);
      this.parents = repeat ? parents(openParent, source, budget) : null;
    } catch (RuntimeException e) {
      export.close();
      throw e;
    }
  }

  /** The rows a repeat group's rows belong to, read; a failure names the mapping's target. */
  private RepeatParents parents(
      Supplier<BatchFileReader> openParent, String source, RepeatParents.KeyBudget budget) {
    try {
      return RepeatParents.read(
          openParent.get(),
          parentSource(mapping, target),
          target.parentTable(),
          export.columns(),
          source,
          budget);
    } catch (BatchFileException e) {
      throw new BatchFileException(failure(e.getMessage()).getMessage(), e);
    }
  }

  /** The parent export as messages name it: {@code FILE}, or {@code FILE#SHEET}. */
  static String parentSource(KoboMapping mapping, KoboMapping.Target target) {
    String file = target.parentExport(mapping);
    return target.parentSheet() == null
        ? file
        : BatchFileReader.sheetSource(file, target.parentSheet());
  }

  /** Every field the target reads must be a column of the export; names the first that is not. */
  private void checkHeader(String source, boolean repeat) {
    Set<String> header = new HashSet<>(export.columns());
    for (KoboMapping.Indicator indicator : target.indicators()) {
      if (indicator.selectMultiple() && !header.contains(mapping.header(indicator.field()))) {
        List<String> missing =
            indicator.choices().keySet().stream()
                .map(choice -> choiceHeader(indicator, choice))
                .filter(column -> !header.contains(column))
                .toList();
        if (!missing.isEmpty()) {
          throw failure(
              "neither the select_multiple column '"
                  + mapping.header(indicator.field())
                  + "' nor its choice column '"
                  + missing.get(0)
                  + "' is in "
                  + source);
        }
        perChoice.add(indicator.field());
      }
    }
    for (String field : target.fields()) {
      if (!header.contains(mapping.header(field))
          && !perChoice.contains(field)
          && !(repeat && field.equals(RepeatParents.SUBMISSION_UUID))) {
        throw failure(
            "the form field '"
                + mapping.header(field)
                + "' is not a column of "
                + source
                + (mapping.groupSeparator().equals("/")
                    ? ""
                    : " (fields are written with / in the mapping and read with the export's"
                        + " group_separator '"
                        + mapping.groupSeparator()
                        + "')"));
      }
    }
  }

  /** A mistake of the mapping's target, named as the mapping file names it. */
  private BatchFileException failure(String message) {
    return new BatchFileException(
        mapping.fileName()
            + ": targets["
            + target.index()
            + "] ("
            + target.entity().fileName()
            + "): "
            + message);
  }

  private String choiceHeader(KoboMapping.Indicator indicator, String choice) {
    return mapping.header(indicator.field()) + mapping.groupSeparator() + choice;
  }

  /**
   * The contract columns the rows hold, and the export's columns the mapping does not read and that
   * do not look personal (reported as ignored).
   */
  @Override
  public List<String> columns() {
    List<String> columns = new ArrayList<>(target.outputColumns());
    for (String column : export.columns()) {
      if (!wanted.contains(column) && !mapping.looksPersonal(column)) {
        columns.add(column);
      }
    }
    return columns;
  }

  /** The export's columns the mapping does not read and that look personal (names, phones, ...). */
  @Override
  public Set<String> droppedPersonalColumns() {
    Set<String> dropped = new LinkedHashSet<>();
    for (String column : export.columns()) {
      if (!wanted.contains(column) && mapping.looksPersonal(column)) {
        dropped.add(column);
      }
    }
    return dropped;
  }

  @Override
  public Optional<SourceRow> next() {
    while (pending.isEmpty()) {
      Optional<SourceRow> next = export.next();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      SourceRow row = next.get();
      if (row.unreadableReason().isPresent()) {
        return next;
      }
      try {
        map(row);
      } catch (Unmapped e) {
        pending.clear();
        pending.add(
            new SourceRow(
                row.line(),
                Map.of(),
                new RowResult.Rejected(Reason.VALUE_NOT_ALLOWED, e.column, e.getMessage())));
      }
    }
    return Optional.of(pending.remove());
  }

  /** The target's rows of one export row, added to {@link #pending}. */
  private void map(SourceRow row) {
    Map<String, String> answers = row.values();
    if (parents != null) {
      RepeatParents.Resolution parent = parents.resolve(answers);
      if (parent instanceof RepeatParents.Unmatched unmatched) {
        pending.add(
            new SourceRow(
                row.line(),
                Map.of(),
                new RowResult.Rejected(Reason.UNMATCHED_PARENT, null, unmatched.message())));
        return;
      }
      answers = new LinkedHashMap<>(answers);
      answers.put(RepeatParents.SUBMISSION_UUID, ((RepeatParents.Found) parent).submissionUuid());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, KoboMapping.Column> column : target.columns().entrySet()) {
      values.put(column.getKey(), value(column.getKey(), column.getValue(), answers));
    }
    if (target.indicators().isEmpty()) {
      pending.add(new SourceRow(row.line(), values, null));
      return;
    }
    for (KoboMapping.Indicator indicator : target.indicators()) {
      if (!indicator.selectMultiple()) {
        String answer = answers.get(mapping.header(indicator.field()));
        if (answer != null) {
          observation(
              row,
              values,
              indicator.indicator(),
              mapped(indicator.field(), "value", indicator.values(), answer));
        }
      } else if (perChoice.contains(indicator.field())) {
        for (Map.Entry<String, String> choice : indicator.choices().entrySet()) {
          String answer = answers.get(choiceHeader(indicator, choice.getKey()));
          if (answer != null && choice.getValue() != null) {
            String field = indicator.field() + "/" + choice.getKey();
            observation(
                row,
                values,
                choice.getValue(),
                mapped(field, "value", KoboMapping.BOOLEAN, answer));
          }
        }
      } else {
        String answer = answers.get(mapping.header(indicator.field()));
        if (answer == null) {
          continue;
        }
        Set<String> chosen = new HashSet<>();
        for (String choice : answer.trim().split("\\s+")) {
          String name = choice.toLowerCase(Locale.ROOT);
          if (!indicator.choices().containsKey(name)) {
            throw new Unmapped(
                "indicator",
                mapping.header(indicator.field())
                    + ": the choice '"
                    + choice
                    + "' is not among the mapping's choices "
                    + indicator.choices().keySet()
                    + " in "
                    + mapping.fileName());
          }
          chosen.add(name);
        }
        for (Map.Entry<String, String> choice : indicator.choices().entrySet()) {
          if (choice.getValue() != null) {
            observation(
                row, values, choice.getValue(), Boolean.toString(chosen.contains(choice.getKey())));
          }
        }
      }
    }
  }

  private void observation(
      SourceRow row, Map<String, String> values, String indicator, String value) {
    Map<String, String> observation = new LinkedHashMap<>(values);
    observation.put("indicator", indicator);
    observation.put("value", value);
    pending.add(new SourceRow(row.line(), observation, null));
  }

  /** A contract column's value from the export row's answers; null when empty. */
  private String value(String column, KoboMapping.Column spec, Map<String, String> answers) {
    String value;
    if (spec.constant() != null) {
      value = spec.constant();
    } else if (spec.field() != null) {
      value = answers.get(mapping.header(spec.field()));
    } else {
      StringBuilder text = new StringBuilder();
      Matcher m = PLACEHOLDER.matcher(spec.template());
      while (m.find()) {
        String part = answers.get(mapping.header(m.group(1).trim()));
        if (part == null) {
          return null; // a key built from an empty field is no key
        }
        m.appendReplacement(text, Matcher.quoteReplacement(part.trim()));
      }
      m.appendTail(text);
      value = text.toString();
    }
    if (value == null) {
      return null;
    }
    value = mapped(spec.field() == null ? column : spec.field(), column, spec.values(), value);
    return value == null ? null : format(spec.format(), value);
  }

  /** An answer through a value map (or as it is when there is none). */
  private String mapped(String field, String column, Map<String, String> values, String answer) {
    if (values == null) {
      return answer;
    }
    String key = answer.trim().toLowerCase(Locale.ROOT);
    if (!values.containsKey(key)) {
      throw new Unmapped(
          column,
          mapping.header(field)
              + ": the answer '"
              + answer.trim()
              + "' is not in the mapping's values "
              + (values == KoboMapping.BOOLEAN
                  ? "(boolean: yes/no, true/false, 1/0)"
                  : new ArrayList<>(values.keySet()).toString())
              + " in "
              + mapping.fileName());
    }
    return values.get(key);
  }

  /**
   * {@code date}: the date of a date and time; {@code utc}: a date and time without offset as UTC.
   */
  private static String format(String format, String value) {
    if (format == null) {
      return value;
    }
    Matcher m = DATE_TIME.matcher(value.trim());
    if (!m.matches()) {
      return value; // a date alone, or a value the contract's check will name
    }
    if (format.equals("date")) {
      return m.group(1);
    }
    String offset = m.group(5);
    return m.group(1) + "T" + m.group(2) + (offset.isEmpty() ? "Z" : offset);
  }

  /** Whether the parent rows' keys went to temporary files (for tests). */
  boolean parentKeysSpilled() {
    return parents != null && parents.spilled();
  }

  @Override
  public void close() {
    try {
      export.close();
    } finally {
      if (parents != null) {
        parents.close();
      }
    }
  }

  /** An answer the mapping cannot translate: the row is rejected. */
  private static final class Unmapped extends RuntimeException {
    private final String column;

    Unmapped(String column, String message) {
      super(message, null, false, false);
      this.column = column;
    }
  }
}
