package org.rishe.common.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.Field;

/**
 * A mapping file ({@code NAME.kobo.json}) that reads a KoboToolbox or ODK form export as batch
 * rows: per target entity, which form field feeds which contract column, with value maps, constants
 * and keys built from several fields, and for {@code observations} which answers become indicator
 * rows (a {@code select_multiple} question one row per choice). The format is described in
 * docs/data-contract.md ("KoboToolbox and ODK exports"). Any mistake fails the whole mapping with a
 * one-line {@link BatchFileException} naming the mapping file and the setting or field at fault.
 *
 * @param fileName the mapping file's name, named in every message
 * @param digest the SHA-256 of the mapping file's bytes, in hex
 * @param export the export file the targets read by default
 * @param groupSeparator how the export joins a group's name to a field's ({@code /} by default, or
 *     the {@code -} or {@code .} some exports use); fields are written with {@code /} in the
 *     mapping
 * @param delimiter the cell separator of a CSV export ({@code ,} by default; KoboToolbox's CSV
 *     export uses {@code ;})
 * @param targets what the export gives, one entity each
 */
public record KoboMapping(
    String fileName,
    String digest,
    String export,
    String groupSeparator,
    char delimiter,
    List<Target> targets) {

  /** The suffix of a mapping file's name. */
  public static final String SUFFIX = ".kobo.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern PERSONAL =
      Pattern.compile(".*(name|phone|mobile|address|national_id|email|passport).*");
  private static final Set<String> MAPPING_KEYS =
      Set.of("export", "group_separator", "csv_delimiter", "targets");
  private static final Set<String> TARGET_KEYS =
      Set.of("entity", "export", "sheet", "parent", "parent_table", "columns", "indicators");
  private static final Set<String> COLUMN_KEYS =
      Set.of("field", "template", "constant", "values", "format");
  private static final Set<String> INDICATOR_KEYS =
      Set.of("field", "indicator", "values", "choices");

  /** What {@code "values": "boolean"} reads: KoboToolbox's and ODK's ways of saying yes and no. */
  public static final Map<String, String> BOOLEAN =
      Map.of(
          "yes", "true", "no", "false", "true", "true", "false", "false", "1", "true", "0",
          "false");

  /**
   * One entity read from the export.
   *
   * @param index the target's place in the mapping's {@code targets}, from 1, for messages
   * @param export the export file read (the mapping's unless the target names its own)
   * @param sheet the sheet of an {@code .xlsx} export (a repeat group's sheet), or null for the
   *     first
   * @param parent where the submissions (or rows of an outer repeat group) the target's rows belong
   *     to are, when the target reads a repeat group: the sheet of the same workbook for an {@code
   *     .xlsx} export, else the file; null for the mapping's {@code export} (its first sheet)
   * @param parentTable the {@code _parent_table_name} the repeat group's rows hold, when it is not
   *     the parent sheet's or file's name (a file saved under another name); null to take that name
   * @param columns each contract column set, in the entity's column order
   * @param indicators for {@code observations}: the answers that become indicator rows (the columns
   *     {@code indicator} and {@code value} are then not given)
   */
  public record Target(
      int index,
      Entity entity,
      String export,
      String sheet,
      String parent,
      String parentTable,
      Map<String, Column> columns,
      List<Indicator> indicators) {

    /** The export holding the rows this target's repeat-group rows belong to. */
    public String parentExport(KoboMapping mapping) {
      if (parent == null) {
        return mapping.export();
      }
      return isWorkbook(export) ? export : parent;
    }

    /** The sheet of {@link #parentExport} holding them, or null for its first (or a CSV file). */
    public String parentSheet() {
      return parent != null && isWorkbook(export) ? parent : null;
    }

    /** Whether the target reads the rows its repeat-group rows would belong to, itself. */
    public boolean readsParent(KoboMapping mapping) {
      String sheet = parentSheet();
      return export.equals(parentExport(mapping))
          && (sheet == null ? this.sheet == null : sheet.equals(this.sheet));
    }

    /** The contract columns the target's rows hold. */
    public List<String> outputColumns() {
      List<String> names = new ArrayList<>(columns.keySet());
      if (!indicators.isEmpty()) {
        names.add("indicator");
        names.add("value");
      }
      return names;
    }

    /** Every form field the target reads (its columns', templates' and indicators'). */
    public Set<String> fields() {
      Set<String> fields = new LinkedHashSet<>();
      for (Column column : columns.values()) {
        fields.addAll(column.fields());
      }
      for (Indicator indicator : indicators) {
        fields.add(indicator.field());
      }
      return fields;
    }
  }

  /**
   * How one contract column is set: from a form field, from a template of fields (such as {@code
   * {_submission__uuid}-{_index}}), or a constant; then through a value map, and a {@code format}.
   *
   * @param values answer → contract value (keys matched case-insensitively, trimmed), or null to
   *     keep the answer as it is; an answer the map does not hold rejects the row
   * @param format {@code date} (the date of a date and time, as {@code _submission_time} holds),
   *     {@code utc} (a date and time without offset read as UTC), or null
   */
  public record Column(
      String field, String template, String constant, Map<String, String> values, String format) {

    /** The form fields the column reads. */
    public List<String> fields() {
      if (field != null) {
        return List.of(field);
      }
      if (template != null) {
        List<String> fields = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
          fields.add(m.group(1).trim());
        }
        return fields;
      }
      return List.of();
    }
  }

  /**
   * Answers that become {@code observations}: a question whose answer is the value of one indicator
   * ({@code indicator}, with an optional value map), or a {@code select_multiple} question whose
   * choices each become a row of their own indicator, {@code true} when chosen and {@code false}
   * when not ({@code choices}: choice name → indicator code, or null for a choice that gives no
   * row).
   */
  public record Indicator(
      String field, String indicator, Map<String, String> values, Map<String, String> choices) {
    public boolean selectMultiple() {
      return choices != null;
    }
  }

  /** Reads a mapping file's bytes; throws {@link BatchFileException} naming what is wrong. */
  public static KoboMapping parse(String fileName, byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ",";
      throw new BatchFileException(
          fileName + ": not valid JSON" + where + " " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new BatchFileException(fileName + ": cannot be read: " + e.getMessage(), e);
    }
    Parser parser = new Parser(fileName);
    return parser.mapping(root, sha256(bytes));
  }

  /** The header name of a form field in this export: its {@code /} replaced by the separator. */
  public String header(String field) {
    return field.replace("/", groupSeparator);
  }

  /** Whether an export column's name looks like a personal identifier (a name, phone, ...). */
  public boolean looksPersonal(String column) {
    return looksPersonal(column, groupSeparator);
  }

  private static boolean looksPersonal(String column, String groupSeparator) {
    String name = column.trim().toLowerCase(Locale.ROOT);
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(groupSeparator));
    String last = cut < 0 ? name : name.substring(cut + 1);
    if (last.startsWith("_")) {
      return false; // the export's own metadata: _uuid, _index, _parent_table_name, ...
    }
    return Entity.isPersonalIdentifier(last) || PERSONAL.matcher(last).matches();
  }

  private static boolean isWorkbook(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  /** Whether a file name is a mapping file's. */
  public static boolean isMappingName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Reads the JSON tree, failing at the first mistake with a message naming it. */
  private static final class Parser {
    private final String fileName;
    private String separator = "/";

    Parser(String fileName) {
      this.fileName = fileName;
    }

    KoboMapping mapping(JsonNode root, String digest) {
      if (!root.isObject()) {
        throw fail("", "must be a JSON object with \"export\" and \"targets\"");
      }
      keys(root, MAPPING_KEYS, "");
      String export = text(root, "export", "", true);
      separator = Optional.ofNullable(text(root, "group_separator", "", false)).orElse("/");
      if (!List.of("/", "-", ".", ":").contains(separator)) {
        throw fail("group_separator", "must be one of /, -, . or :, not '" + separator + "'");
      }
      String delimiter = Optional.ofNullable(text(root, "csv_delimiter", "", false)).orElse(",");
      if (!List.of(",", ";", "\t").contains(delimiter)) {
        throw fail("csv_delimiter", "must be , or ; or a tab, not '" + delimiter + "'");
      }
      JsonNode targets = root.get("targets");
      if (targets == null || !targets.isArray() || targets.isEmpty()) {
        throw fail("targets", "must be a list of at least one target entity");
      }
      List<Target> parsed = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < targets.size(); i++) {
        Target target = target(targets.get(i), i + 1, export);
        String source = target.entity() + " " + target.export() + "#" + target.sheet();
        if (!seen.add(source)) {
          throw fail(
              where(target.index(), target.entity()),
              "a second target reads "
                  + target.entity().fileName()
                  + " from the same export and sheet; put its columns and indicators in one"
                  + " target");
        }
        parsed.add(target);
      }
      return new KoboMapping(
          fileName, digest, export, separator, delimiter.charAt(0), List.copyOf(parsed));
    }

    private Target target(JsonNode node, int index, String export) {
      String at = "targets[" + index + "]";
      if (!node.isObject()) {
        throw fail(at, "must be an object with \"entity\" and \"columns\"");
      }
      keys(node, TARGET_KEYS, at);
      String name = text(node, "entity", at, true);
      Entity entity =
          Entity.fromFileName(name)
              .orElseThrow(
                  () ->
                      fail(
                          at + ".entity",
                          "unknown entity '"
                              + name
                              + "'; one of "
                              + String.join(
                                  ", ",
                                  Arrays.stream(Entity.values()).map(Entity::fileName).toList())));
      String where = where(index, entity);
      String ownExport = Optional.ofNullable(text(node, "export", where, false)).orElse(export);
      String sheet = text(node, "sheet", where, false);
      String parent = text(node, "parent", where, false);
      String parentTable = text(node, "parent_table", where, false);
      JsonNode columnsNode = node.get("columns");
      if (columnsNode == null || !columnsNode.isObject()) {
        throw fail(where + ".columns", "must be an object of contract column → form field");
      }
      Map<String, Column> given = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> entries = columnsNode.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String column = entry.getKey();
        if (entity.field(column).isEmpty() && !column.equals(Entity.DELETED_AT)) {
          throw fail(
              where + ".columns",
              entity.fileName()
                  + " has no column '"
                  + column
                  + "'; its columns are "
                  + String.join(", ", entity.fields().stream().map(Field::name).toList()));
        }
        given.put(column, column(entry.getValue(), where + ".columns." + column));
      }
      List<Indicator> indicators = indicators(node.get("indicators"), entity, where, given);
      Map<String, Column> columns = new LinkedHashMap<>();
      for (Field field : entity.fields()) {
        if (given.containsKey(field.name())) {
          columns.put(field.name(), given.get(field.name()));
        } else if (field.required()
            && field.defaultValue() == null
            && !(indicators.size() > 0 && List.of("indicator", "value").contains(field.name()))) {
          throw fail(
              where + ".columns",
              "the required column '" + field.name() + "' of " + entity.fileName() + " is not set");
        }
      }
      if (given.containsKey(Entity.DELETED_AT)) {
        columns.put(Entity.DELETED_AT, given.get(Entity.DELETED_AT));
      }
      Target target =
          new Target(
              index,
              entity,
              ownExport,
              sheet,
              parent,
              parentTable,
              java.util.Collections.unmodifiableMap(columns),
              indicators);
      for (String field : target.fields()) {
        if (looksPersonal(field, separator)) {
          throw fail(
              where,
              "the form field '"
                  + field
                  + "' looks like a personal identifier (a name, phone, address or id number);"
                  + " Rishe never stores one: leave it unmapped and it is dropped as the export"
                  + " is read");
        }
      }
      return target;
    }

    private Column column(JsonNode node, String where) {
      if (node.isTextual()) {
        return new Column(field(node.asText(), where), null, null, null, null);
      }
      if (!node.isObject()) {
        throw fail(
            where,
            "must be a form field's name or an object with \"field\", \"template\" or"
                + " \"constant\"");
      }
      keys(node, COLUMN_KEYS, where);
      String field = text(node, "field", where, false);
      String template = text(node, "template", where, false);
      String constant = text(node, "constant", where, false);
      long sources =
          java.util.stream.Stream.of(field, template, constant).filter(s -> s != null).count();
      if (sources != 1) {
        throw fail(where, "needs exactly one of \"field\", \"template\" and \"constant\"");
      }
      if (template != null) {
        Matcher m = PLACEHOLDER.matcher(template);
        boolean any = false;
        while (m.find()) {
          field(m.group(1), where + ".template");
          any = true;
        }
        if (!any || template.replaceAll(PLACEHOLDER.pattern(), "").matches(".*[{}].*")) {
          throw fail(
              where + ".template",
              "must name form fields in braces, such as {_submission__uuid}-{_index}");
        }
      }
      String format = text(node, "format", where, false);
      if (format != null && !format.equals("date") && !format.equals("utc")) {
        throw fail(where + ".format", "must be date or utc, not '" + format + "'");
      }
      return new Column(
          field == null ? null : field(field, where),
          template,
          constant,
          values(node.get("values"), where + ".values"),
          format);
    }

    private List<Indicator> indicators(
        JsonNode node, Entity entity, String where, Map<String, Column> given) {
      if (node == null) {
        return List.of();
      }
      if (entity != Entity.OBSERVATIONS) {
        throw fail(where + ".indicators", "only a target of observations has indicators");
      }
      if (!node.isArray() || node.isEmpty()) {
        throw fail(where + ".indicators", "must be a list of at least one answer");
      }
      for (String column : List.of("indicator", "value")) {
        if (given.containsKey(column)) {
          throw fail(
              where + ".columns." + column,
              "is set by \"indicators\"; leave it out of \"columns\"");
        }
      }
      List<Indicator> indicators = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        String at = where + ".indicators[" + (i + 1) + "]";
        JsonNode item = node.get(i);
        if (!item.isObject()) {
          throw fail(at, "must be an object with \"field\" and \"indicator\" or \"choices\"");
        }
        keys(item, INDICATOR_KEYS, at);
        String field = field(text(item, "field", at, true), at + ".field");
        String indicator = text(item, "indicator", at, false);
        JsonNode choicesNode = item.get("choices");
        if ((indicator == null) == (choicesNode == null)) {
          throw fail(at, "needs exactly one of \"indicator\" and \"choices\"");
        }
        Map<String, String> choices = null;
        if (choicesNode != null) {
          if (item.has("values")) {
            throw fail(at, "a select_multiple answer (\"choices\") takes no \"values\"");
          }
          choices = values(choicesNode, at + ".choices");
          if (choices == null || choices.isEmpty()) {
            throw fail(at + ".choices", "must map each choice name to an indicator code");
          }
          for (Map.Entry<String, String> choice : choices.entrySet()) {
            if (choice.getKey().contains(" ")) {
              throw fail(at + ".choices", "choice name '" + choice.getKey() + "' has a space");
            }
            if (choice.getValue() != null) {
              code(choice.getValue(), at + ".choices." + choice.getKey());
            }
          }
        } else {
          code(indicator, at + ".indicator");
        }
        indicators.add(
            new Indicator(field, indicator, values(item.get("values"), at + ".values"), choices));
      }
      return List.copyOf(indicators);
    }

    private void code(String code, String where) {
      if (!CODE.matcher(code).matches()) {
        throw fail(where, "'" + code + "' is no indicator code ([a-z][a-z0-9_]*)");
      }
    }

    /** A value map: an object of text → text or null, or {@code "boolean"}; null when absent. */
    private Map<String, String> values(JsonNode node, String where) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isTextual() && node.asText().equals("boolean")) {
        return BOOLEAN;
      }
      if (!node.isObject()) {
        throw fail(where, "must be an object of answer → value, or \"boolean\"");
      }
      Map<String, String> values = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        JsonNode value = entry.getValue();
        if (!value.isNull() && !value.isValueNode()) {
          throw fail(where + "." + entry.getKey(), "must be a text, a number or null");
        }
        String key = entry.getKey().trim().toLowerCase(Locale.ROOT);
        if (values.containsKey(key)) {
          throw fail(where, "answer '" + entry.getKey() + "' is given twice");
        }
        values.put(key, value.isNull() ? null : value.asText());
      }
      return java.util.Collections.unmodifiableMap(values);
    }

    private String field(String name, String where) {
      String trimmed = name.trim();
      if (trimmed.isEmpty()) {
        throw fail(where, "names an empty form field");
      }
      return trimmed;
    }

    private String text(JsonNode node, String key, String where, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        if (required) {
          throw fail(where.isEmpty() ? key : where + "." + key, "is required");
        }
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        throw fail(where.isEmpty() ? key : where + "." + key, "must be a non-empty text");
      }
      return value.asText();
    }

    private void keys(JsonNode node, Set<String> known, String where) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!known.contains(name)) {
          throw fail(
              where.isEmpty() ? name : where + "." + name,
              "unknown setting; the settings here are "
                  + String.join(", ", known.stream().sorted().toList()));
        }
      }
    }

    private static String where(int index, Entity entity) {
      return "targets[" + index + "] (" + entity.fileName() + ")";
    }

    private BatchFileException fail(String where, String message) {
      return new BatchFileException(
          fileName + ": " + (where.isEmpty() ? "" : where + ": ") + message);
    }
  }
}
