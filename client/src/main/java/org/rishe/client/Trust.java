package org.rishe.client;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /trust}: whether pledges reach their needs, as of {@code asOf}: one row overall, one
 * per programme and one per region of the pledged need.
 */
public record Trust(String run, String asOf, List<Row> rows) {
  public Trust {
    rows = rows == null ? List.of() : List.copyOf(rows);
  }

  /**
   * One group: {@code by} is {@code all}, {@code program} or {@code region}, {@code value} the
   * programme or region (null under {@code all}, and for pledges whose need had none); the pledges
   * and donors, the pledges a donation fulfils ({@code linked}) and delivered, the share delivered
   * with its 95% interval, the median days from pledge to delivery with its 95% interval (null
   * below 5 deliveries), and the fulfilling journeys flagged stalled.
   */
  public record Row(
      String by,
      String value,
      int pledges,
      int donors,
      int linked,
      int delivered,
      Estimate deliveredShare,
      Estimate medianDaysToDelivery,
      int stalled) {}

  /** The overall row, if the answer has one. */
  public Optional<Row> overall() {
    return rows.stream().filter(row -> "all".equals(row.by())).findFirst();
  }
}
