package org.rishe.common.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows a repeat group's rows belong to (a form's submissions, or the rows of an outer repeat
 * group), read from their export, and how each repeat row finds its own.
 *
 * <p>A KoboToolbox repeat row holds {@code _parent_index}, the {@code _index} of its parent row in
 * that export (a number that changes when the form is exported again), and in exports since about
 * 2020 {@code _submission__uuid}, the {@code _uuid} of its submission. When both are there they
 * must name the same submission; when only {@code _parent_index} is there (an older export), the
 * submission's {@code _uuid} is found through it. An ODK Central or Briefcase repeat row holds
 * {@code PARENT_KEY}, the {@code KEY} of its parent row ({@code uuid:…} for a submission, {@code
 * uuid:…/group[1]} for an outer repeat's row), and its own {@code KEY}, which starts with its
 * parent's.
 *
 * <p>Either way the row is given {@code _submission__uuid}: the {@code _uuid} (KoboToolbox) or
 * instance id ({@code KEY} up to its first {@code /}, ODK) of the submission it belongs to. A row
 * whose parent is not in the export, is there twice, or whose references disagree, or whose {@code
 * _parent_table_name} (KoboToolbox) names another table than the parent export the mapping reads
 * (an inner repeat group joined to the submissions instead of its outer group's rows) gets the
 * message {@link #resolve} returns instead.
 *
 * <p>Only the parent rows' keys are kept, in memory up to a {@link KeyBudget} of rows and past it
 * in sorted temporary files ({@link SpillingMultimap}), so a form with millions of submissions is
 * joined in bounded memory; either way each row gets the same answer.
 */
final class RepeatParents implements AutoCloseable {
  /** KoboToolbox's columns of a repeat row. */
  static final String PARENT_INDEX = "_parent_index";

  static final String PARENT_TABLE = "_parent_table_name";
  static final String SUBMISSION_UUID = "_submission__uuid";
  static final String INDEX = "_index";
  static final String UUID = "_uuid";

  /** ODK Central's and Briefcase's columns of a repeat row. */
  static final String PARENT_KEY = "PARENT_KEY";

  static final String KEY = "KEY";

  /** The columns read from a parent export. */
  static final Set<String> PARENT_COLUMNS = Set.of(INDEX, UUID, SUBMISSION_UUID, KEY);

  /** The columns a repeat row's join reads. */
  static final Set<String> ROW_COLUMNS =
      Set.of(PARENT_INDEX, PARENT_TABLE, SUBMISSION_UUID, PARENT_KEY, KEY);

  /** The longest sheet name Excel allows; KoboToolbox shortens longer table names to it. */
  private static final int SHEET_NAME_LIMIT = 31;

  private static final Pattern SHORTENED = Pattern.compile(".*?(\\.\\.\\.(?: \\(\\d+\\))?)");

  private final String source;

  /** The parent sheet's or file's name, and as messages name it ({@code export.xlsx#sheet}). */
  private final String table;

  private final String tableSource;
  private final String declaredTable;
  private final boolean odk;
  private final boolean hasIndex;
  private final boolean hasUuid;

  /** {@code _index} (or ODK {@code KEY}) → the submission uuid of each parent row with it. */
  private final SpillingMultimap byIndex;

  /** Submission uuid → one "" per parent row holding it, up to 2 (two or more). */
  private final SpillingMultimap uuids;

  /**
   * How many parent rows' keys are held in memory, and where they go past that.
   *
   * @param inMemoryRows the most parent rows whose keys are held in memory; past that they are
   *     written, sorted, to temporary files (see {@link SpillingMultimap})
   * @param directory the folder of those files, or null for the system's temporary folder ({@code
   *     java.io.tmpdir})
   */
  record KeyBudget(int inMemoryRows, Path directory) {
    /** 200,000 parent rows: some 60 MB of keys (a uuid, an {@code _index}) in hash maps. */
    static final KeyBudget DEFAULT = new KeyBudget(200_000, null);
  }

  private RepeatParents(
      String source,
      String table,
      String tableSource,
      String declaredTable,
      boolean odk,
      boolean hasIndex,
      boolean hasUuid,
      KeyBudget budget) {
    this.source = source;
    this.table = table;
    this.tableSource = tableSource;
    this.declaredTable = declaredTable;
    this.odk = odk;
    this.hasIndex = hasIndex;
    this.hasUuid = hasUuid;
    this.byIndex =
        new SpillingMultimap(budget.inMemoryRows(), Integer.MAX_VALUE, budget.directory());
    this.uuids = new SpillingMultimap(budget.inMemoryRows(), 2, budget.directory());
  }

  /** Whether an export's header is a repeat group's: it names each row's parent. */
  static boolean isRepeat(List<String> header) {
    return header.contains(PARENT_INDEX) || header.contains(PARENT_KEY);
  }

  /**
   * Reads the parent rows of a repeat export whose header is {@code repeatHeader}; fails naming
   * both exports when the parent export has no column the join could use. The result holds
   * temporary files when the parent rows are more than the budget's: close it.
   *
   * @param source the parent export (or {@code export#sheet}) as messages name it
   * @param declaredTable the {@code _parent_table_name} the repeat rows hold when it is not the
   *     parent sheet's or file's name, or null
   * @param repeatSource the repeat group's export as messages name it
   */
  static RepeatParents read(
      BatchFileReader parent,
      String source,
      String declaredTable,
      List<String> repeatHeader,
      String repeatSource,
      KeyBudget budget) {
    try (parent) {
      List<String> header = parent.columns();
      boolean odk = repeatHeader.contains(PARENT_KEY) && !repeatHeader.contains(PARENT_INDEX);
      boolean hasIndex = header.contains(odk ? KEY : INDEX);
      boolean hasUuid = !odk && (header.contains(UUID) || header.contains(SUBMISSION_UUID));
      if (!hasIndex && !hasUuid) {
        throw new BatchFileException(
            repeatSource
                + ": its rows belong to the rows of "
                + source
                + ", which has no "
                + (odk ? KEY : INDEX + " or " + UUID)
                + " column to find them by; export the form again with its metadata, or name the"
                + " repeat group's parent sheet or file in the target's \"parent\"");
      }
      String table =
          parent instanceof XlsxBatchFileReader sheet
              ? sheet.sheetName()
              : BatchFileReader.baseName(source);
      String tableSource =
          parent instanceof XlsxBatchFileReader && !source.contains("#")
              ? BatchFileReader.sheetSource(source, table)
              : source;
      RepeatParents parents =
          new RepeatParents(
              source, table, tableSource, declaredTable, odk, hasIndex, hasUuid, budget);
      try {
        String uuidColumn = header.contains(UUID) ? UUID : SUBMISSION_UUID;
        Optional<SourceRow> next;
        while ((next = parent.next()).isPresent()) {
          SourceRow row = next.get();
          if (row.unreadableReason().isPresent()) {
            continue; // its own target quarantines it; a repeat row under it finds no parent
          }
          String index = trimmed(row.values().get(odk ? KEY : INDEX));
          String uuid = odk ? instanceId(index) : trimmed(row.values().get(uuidColumn));
          parents.add(index, uuid);
        }
        parents.byIndex.finish();
        parents.uuids.finish();
        return parents;
      } catch (RuntimeException e) {
        parents.close();
        throw e;
      }
    }
  }

  private void add(String index, String uuid) {
    if (index != null) {
      byIndex.add(index, uuid == null ? "" : uuid);
    }
    if (uuid != null) {
      uuids.add(uuid, "");
    }
  }

  /** The parent rows' submission uuids with an {@code _index} (or {@code KEY}); "" for none. */
  private List<String> atIndex(String index) {
    return byIndex.get(index);
  }

  /** Whether the parent rows' keys went to temporary files (more rows than the budget's). */
  boolean spilled() {
    return byIndex.spilled() || uuids.spilled();
  }

  /** Deletes the temporary files of the parent rows' keys, if any. */
  @Override
  public void close() {
    try {
      byIndex.close();
    } finally {
      uuids.close();
    }
  }

  /**
   * The submission uuid a repeat row belongs to, or why it cannot be told: {@link Found} or {@link
   * Unmatched}.
   */
  Resolution resolve(Map<String, String> row) {
    String parentTable = trimmed(row.get(PARENT_TABLE));
    if (parentTable != null && !namesParent(parentTable)) {
      return new Unmatched(
          PARENT_TABLE
              + " '"
              + parentTable
              + "' does not name "
              + tableSource
              + (declaredTable == null ? "" : " (its \"parent_table\" '" + declaredTable + "')")
              + ", the rows the mapping joins this repeat group to; name the sheet or file of '"
              + parentTable
              + "' in the target's \"parent\", or its table name in \"parent_table\" when the"
              + " file is named otherwise");
    }
    return odk ? resolveOdk(row) : resolveKobo(row);
  }

  /**
   * Whether a repeat row's {@code _parent_table_name} names the parent rows: it is the mapping's
   * {@code parent_table}, or else the parent sheet's or file's name, compared in letters and digits
   * alone, case aside ({@code Household visit} names {@code household_visit.csv}), and as
   * KoboToolbox shortens a table name longer than Excel allows a sheet's (31 characters, ending
   * {@code ...}, or {@code ... (2)} when two would be the same).
   */
  private boolean namesParent(String parentTable) {
    if (declaredTable != null) {
      return comparable(parentTable).equals(comparable(declaredTable));
    }
    String name = comparable(table);
    if (comparable(parentTable).equals(name)) {
      return true;
    }
    Matcher shortened = SHORTENED.matcher(table);
    if (!shortened.matches()
        || parentTable.codePointCount(0, parentTable.length()) <= SHEET_NAME_LIMIT) {
      return false;
    }
    String ellipsis = shortened.group(1);
    int keep = SHEET_NAME_LIMIT - ellipsis.length();
    String cut = parentTable.substring(0, parentTable.offsetByCodePoints(0, keep)) + ellipsis;
    return comparable(cut).equals(name);
  }

  /** A table name in lower-case letters and digits, each run of other characters one {@code _}. */
  private static String comparable(String name) {
    return name.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", "_")
        .replaceAll("^_|_$", "");
  }

  private Resolution resolveOdk(Map<String, String> row) {
    String parentKey = trimmed(row.get(PARENT_KEY));
    if (parentKey == null) {
      return new Unmatched("PARENT_KEY is empty: the row names no parent in " + source);
    }
    List<String> found = atIndex(parentKey);
    if (found.isEmpty()) {
      return new Unmatched(
          "PARENT_KEY '" + parentKey + "' is the KEY of no row of " + source + " (orphan row)");
    }
    if (found.size() > 1) {
      return new Unmatched(
          "PARENT_KEY '"
              + parentKey
              + "' is the KEY of "
              + found.size()
              + " rows of "
              + source
              + ": the parent is ambiguous");
    }
    String key = trimmed(row.get(KEY));
    if (key != null && !key.startsWith(parentKey + "/")) {
      return new Unmatched(
          "KEY '"
              + key
              + "' and PARENT_KEY '"
              + parentKey
              + "' disagree: a repeat row's KEY"
              + " starts with its parent's");
    }
    return new Found(found.get(0));
  }

  private Resolution resolveKobo(Map<String, String> row) {
    String index = trimmed(row.get(PARENT_INDEX));
    String uuid = trimmed(row.get(SUBMISSION_UUID));
    if (index == null && uuid == null) {
      return new Unmatched(
          "_parent_index and _submission__uuid are empty: the row names no submission of "
              + source);
    }
    if (index != null && hasIndex) {
      List<String> found = atIndex(index);
      if (found.isEmpty()) {
        if (uuid != null && !uuids.get(uuid).isEmpty()) {
          return new Unmatched(
              "_parent_index "
                  + index
                  + " and _submission__uuid '"
                  + uuid
                  + "' disagree: "
                  + source
                  + " has that _uuid but no _index "
                  + index);
        }
        return new Unmatched(
            "_parent_index "
                + index
                + " is the _index of no row of "
                + source
                + (uuid == null ? "" : ", nor is _submission__uuid '" + uuid + "' a _uuid there")
                + " (orphan row)");
      }
      if (uuid != null) {
        if (found.contains(uuid) || (found.size() == 1 && found.get(0).isEmpty())) {
          return new Found(uuid);
        }
        return new Unmatched(
            "_parent_index "
                + index
                + " and _submission__uuid '"
                + uuid
                + "' disagree: the row of "
                + source
                + " with _index "
                + index
                + " has _uuid '"
                + found.get(0)
                + "'");
      }
      if (found.size() > 1) {
        return new Unmatched(
            "_parent_index "
                + index
                + " is the _index of "
                + found.size()
                + " rows of "
                + source
                + " and the row has no _submission__uuid: the parent is ambiguous");
      }
      if (found.get(0).isEmpty()) {
        return new Unmatched(
            "the row of " + source + " with _index " + index + " has no _uuid to join it by");
      }
      return new Found(found.get(0));
    }
    if (uuid == null) {
      return new Unmatched(
          "_submission__uuid is empty and "
              + source
              + " has no _index column for _parent_index "
              + index);
    }
    if (!hasUuid) {
      return new Found(uuid); // nothing to check it against: taken as the export gives it
    }
    int count = uuids.get(uuid).size();
    if (count == 0) {
      return new Unmatched(
          "_submission__uuid '" + uuid + "' is the _uuid of no row of " + source + " (orphan row)");
    }
    if (count > 1) {
      return new Unmatched(
          "_submission__uuid '"
              + uuid
              + "' is the _uuid of several rows of "
              + source
              + " and the row has no _parent_index: the parent is ambiguous");
    }
    return new Found(uuid);
  }

  /** An ODK {@code KEY}'s instance id: {@code uuid:…} up to the first {@code /}. */
  private static String instanceId(String key) {
    if (key == null) {
      return null;
    }
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String t = value.trim();
    return t.isEmpty() ? null : t;
  }

  /** What a repeat row's join found. */
  sealed interface Resolution permits Found, Unmatched {}

  /** The submission the row belongs to. */
  record Found(String submissionUuid) implements Resolution {}

  /** Why the row's parent cannot be told. */
  record Unmatched(String message) implements Resolution {}
}
