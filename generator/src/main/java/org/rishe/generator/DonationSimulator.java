package org.rishe.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Donations made for (or near) one family and the journey of each to its recipient. Most journeys
 * run pledged to confirmed with realistic gaps; about 5% stall early (only donations old enough for
 * that to be visible), about 3% are dispatched but never delivered, about 2% carry a stage
 * timestamped before the stage it should follow. Stages later than the period's end are not yet
 * recorded.
 */
final class DonationSimulator {
  static final String[] STAGES = {
    "pledged", "received", "allocated", "purchased", "dispatched", "delivered", "confirmed"
  };

  /**
   * Smallest and largest gap in days from the previous stage, for stages after received. At least
   * one day, because times of day are drawn at random: two stages on one day could come out
   * reversed, and only the planted 2% may be out of order.
   */
  private static final int[][] GAPS = {{1, 30}, {1, 20}, {1, 10}, {1, 7}, {1, 14}};

  private static final String[] CHANNELS = {"bank_transfer", "card", "cash", "online", "in_kind"};
  private static final double[] CHANNEL_WEIGHTS = {0.35, 0.25, 0.15, 0.20, 0.05};
  private static final double STALLED_RATE = 0.05;
  private static final double UNDELIVERED_RATE = 0.03;
  private static final double OUT_OF_ORDER_RATE = 0.02;
  private static final double NEED_GIFT_RATE = 0.6;

  private final long seed;
  private final Timeline timeline;
  private final BatchSink sink;
  private final long donorPool;

  DonationSimulator(long seed, Timeline timeline, BatchSink sink, long families) {
    this.seed = seed;
    this.timeline = timeline;
    this.sink = sink;
    // Repeat donors: about one donor for every four families.
    this.donorPool = Math.max(1, families / 4);
  }

  /**
   * The family's donations, then one given for each of its open or pledged needs ({@code
   * need:<id>}) with probability {@value #NEED_GIFT_RATE}: received after the need was opened, of
   * the need's amount when it has one, travelling like any other. Those are drawn from a stream of
   * their own and written last, so every other donation is as it was before needs existed.
   */
  void simulate(FamilyDraw family, List<NeedSimulator.Need> needs) {
    SplittableRandom random = Seeds.stream(seed, family.number(), Seeds.DONATION);
    double draw = random.nextDouble();
    int count = draw < 0.75 ? 0 : draw < 0.95 ? 1 : 2;
    for (int k = 0; k < count; k++) {
      String donationId = Ids.donation(family.number(), k);
      long received = Timeline.between(random, timeline.start(), timeline.end());
      boolean rial = random.nextDouble() < 0.8;
      long amount = rial ? (5L + random.nextInt(496)) * 1_000_000L : 10L + random.nextInt(1991);
      double designationDraw = random.nextDouble();
      String designation =
          designationDraw < 0.5
              ? "general"
              : designationDraw < 0.8
                  ? "program:"
                      + ProgramCatalogue.PROGRAMS
                          .get(random.nextInt(ProgramCatalogue.PROGRAMS.size()))
                          .id()
                  : "family:" + family.familyId();
      write(random, family, donationId, received, amount, rial ? "IRR" : "USD", designation);
    }
    if (needs.stream().noneMatch(NeedSimulator.Need::givable)) {
      return;
    }
    SplittableRandom gifts = Seeds.stream(seed, family.number(), Seeds.NEED_GIFT);
    int number = count;
    for (NeedSimulator.Need need : needs) {
      if (!need.givable() || gifts.nextDouble() >= NEED_GIFT_RATE) {
        continue;
      }
      long received = Timeline.between(gifts, need.opened(), timeline.end());
      long amount = need.amount() != null ? need.amount() : (5L + gifts.nextInt(496)) * 1_000_000L;
      write(
          gifts,
          family,
          Ids.donation(family.number(), number++),
          received,
          amount,
          "IRR",
          "need:" + need.needId());
    }
  }

  /** One donation row and its journey: the donor, channel and stages drawn from {@code random}. */
  private void write(
      SplittableRandom random,
      FamilyDraw family,
      String donationId,
      long received,
      long amount,
      String currency,
      String designation) {
    sink.write(
        EntityFile.DONATIONS,
        donationId,
        Ids.donor(1 + random.nextLong(donorPool)),
        Timeline.date(received),
        amount,
        currency,
        designation,
        CHANNELS[Draws.pick(random, CHANNEL_WEIGHTS)]);
    writeJourney(random, donationId, family.familyId(), received);
  }

  private void writeJourney(
      SplittableRandom random, String donationId, String recipient, long received) {
    long[] days = new long[STAGES.length];
    days[0] = received - 1 - random.nextInt(14);
    days[1] = received;
    for (int stage = 2; stage < STAGES.length; stage++) {
      int[] gap = GAPS[stage - 2];
      days[stage] = days[stage - 1] + gap[0] + random.nextInt(gap[1] - gap[0] + 1);
    }
    int last = STAGES.length - 1;
    double fate = random.nextDouble();
    if (fate < STALLED_RATE) {
      // A recent donation that stops early is merely still travelling; stall only old ones.
      if (received <= timeline.end() - 180) {
        last = 1 + random.nextInt(3);
      }
    } else if (fate < STALLED_RATE + UNDELIVERED_RATE) {
      last = 4;
    }
    if (random.nextDouble() < OUT_OF_ORDER_RATE && last >= 2) {
      int late = 2 + random.nextInt(last - 1);
      days[late] = days[late - 1] - 1 - random.nextInt(5);
    }
    for (int stage = 0; stage <= last; stage++) {
      if (days[stage] > timeline.end()) {
        break;
      }
      sink.write(
          EntityFile.AID_EVENTS,
          donationId,
          STAGES[stage],
          Timeline.timestamp(days[stage], random),
          stage >= 2 ? recipient : null,
          null,
          null);
    }
  }
}
