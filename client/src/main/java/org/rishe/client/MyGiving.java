package org.rishe.client;

import java.util.List;

/**
 * {@code GET /me/donations}: the calling donor's own giving: donations (newest received first),
 * each with its journey, and pledges (newest first), each with how far it has come.
 */
public record MyGiving(String run, List<Journey> donations, List<PledgeStatus> pledges) {
  public MyGiving {
    donations = donations == null ? List.of() : List.copyOf(donations);
    pledges = pledges == null ? List.of() : List.copyOf(pledges);
  }

  /**
   * A pledge as its donor sees it: {@code stage} is {@code pledged}, {@code daysInStage} the whole
   * days since the pledge and {@code donationId} null until a donation fulfils it; then they are
   * that donation's.
   */
  public record PledgeStatus(
      String pledgeId,
      String needRef,
      Double amount,
      String currency,
      String pledgedAt,
      String stage,
      long daysInStage,
      String donationId) {
    /** Whether a donation has fulfilled the pledge. */
    public boolean fulfilled() {
      return donationId != null;
    }
  }
}
