package org.rishe.common.contract;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What validation made of one row: accepted with typed values, or rejected with a reason. */
public sealed interface RowResult {

  /**
   * An accepted row.
   *
   * @param values typed values in the order of {@link Entity#fields()}: String, LocalDate, Instant,
   *     Long, Double or Boolean, null where absent
   * @param deletedAt set when the row is a tombstone
   */
  record Accepted(Object[] values, Instant deletedAt) implements RowResult {
    public Accepted {
      requireNonNull(values, "values is null");
      values = values.clone();
    }

    public List<Object> asList() {
      return Arrays.asList(values.clone());
    }

    public boolean tombstone() {
      return deletedAt != null;
    }
  }

  /** A rejected row; {@code field} is null when the row as a whole is at fault. */
  record Rejected(Reason reason, String field, String message) implements RowResult {
    public Rejected {
      requireNonNull(reason, "reason is null");
      requireNonNull(message, "message is null");
    }
  }
}
