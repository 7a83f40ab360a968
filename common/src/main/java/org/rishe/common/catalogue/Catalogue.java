package org.rishe.common.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

/** The indicator catalogue: every problem, factor and outcome code the platform knows. */
public final class Catalogue implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_RESOURCE = "/org/rishe/common/catalogue/indicators.csv";

  private final Map<String, Indicator> byCode;

  public Catalogue(Collection<Indicator> indicators) {
    Map<String, Indicator> map = new LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      map.put(indicator.code(), indicator);
    }
    this.byCode = Map.copyOf(map);
    this.ordered = List.copyOf(map.values());
  }

  private final List<Indicator> ordered;

  /** The catalogue shipped in data-samples/indicators.csv. */
  public static Catalogue defaultCatalogue() {
    try (InputStream in = Catalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "default catalogue resource " + DEFAULT_RESOURCE + " is missing from the build");
      }
      return parseCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default catalogue", e);
    }
  }

  /** Parses a catalogue CSV whose rows are all valid; used for the shipped default. */
  public static Catalogue parseCsv(java.io.Reader reader) {
    try (CsvReader csv = new CsvReader(reader)) {
      List<String> header =
          csv.next()
              .orElseThrow(() -> new IllegalArgumentException("catalogue has no header"))
              .cells();
      List<Indicator> indicators = new java.util.ArrayList<>();
      Optional<CsvRecord> record;
      while ((record = csv.next()).isPresent()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.get().size(); i++) {
          String cell = record.get().cells().get(i);
          row.put(header.get(i), cell.isEmpty() ? null : cell);
        }
        indicators.add(fromRow(row));
      }
      return new Catalogue(indicators);
    }
  }

  /** Builds one indicator from named fields; throws IllegalArgumentException naming the field. */
  public static Indicator fromRow(Map<String, String> row) {
    String code = row.get("code");
    Indicator.Kind kind =
        Indicator.Kind.parse(row.get("kind"))
            .orElseThrow(() -> new IllegalArgumentException("kind"));
    Indicator.ValueType type =
        Indicator.ValueType.parse(row.get("value_type"))
            .orElseThrow(() -> new IllegalArgumentException("value_type"));
    String thresholdText = row.get("threshold");
    Double threshold = thresholdText == null ? null : Double.valueOf(thresholdText);
    String directionText = row.get("direction");
    Indicator.Direction direction =
        directionText == null
            ? Indicator.Direction.BELOW
            : Indicator.Direction.parse(directionText)
                .orElseThrow(() -> new IllegalArgumentException("direction"));
    String rankText = row.get(Indicator.CAUSAL_RANK);
    Integer causalRank;
    try {
      causalRank = rankText == null ? null : Integer.valueOf(rankText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Indicator.CAUSAL_RANK, e);
    }
    return new Indicator(
        code,
        kind,
        type,
        row.get("domain"),
        row.get("label_en"),
        row.get("label_fa"),
        threshold,
        direction,
        causalRank);
  }

  public Optional<Indicator> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public List<Indicator> indicators() {
    return ordered;
  }

  public List<Indicator> ofKind(Indicator.Kind kind) {
    Objects.requireNonNull(kind, "kind is null");
    return ordered.stream().filter(i -> i.kind() == kind).toList();
  }

  /** This catalogue with the given entries added or replacing those of the same code. */
  public Catalogue with(Collection<Indicator> updates) {
    Map<String, Indicator> map = new LinkedHashMap<>();
    ordered.forEach(i -> map.put(i.code(), i));
    updates.forEach(i -> map.put(i.code(), i));
    return new Catalogue(map.values());
  }
}
