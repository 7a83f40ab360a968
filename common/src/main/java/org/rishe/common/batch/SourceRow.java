package org.rishe.common.batch;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rishe.common.contract.RowResult;

/**
 * One record read from a batch file, before validation: its line, its cells by column name (empty
 * cells as null; personal-identifier columns already dropped), or the reason the record could not
 * be read as a row at all (a short or long CSV row, a JSON line that is not an object).
 */
public record SourceRow(long line, Map<String, String> values, RowResult.Rejected unreadable) {
  public SourceRow {
    requireNonNull(values, "values is null");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Optional<RowResult.Rejected> unreadableReason() {
    return Optional.ofNullable(unreadable);
  }
}
