package org.rishe.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The needs a family brings to the charity (about six per hundred families): for the family or for
 * one of its children, of a kind, mostly with an amount, sometimes under the programme that serves
 * that kind of need, in every status. Drawn from a stream of their own, so adding needs changed no
 * other row; drawn before the family's donations, some of which are given for an open or pledged
 * need, and written after them.
 */
final class NeedSimulator {
  static final String[] KINDS = {
    "school_fees", "school_supplies", "food", "medical", "rent", "utilities", "clothing", "other"
  };

  private static final double[] KIND_WEIGHTS = {0.25, 0.15, 0.20, 0.15, 0.10, 0.05, 0.07, 0.03};
  private static final String[] STATUSES = {"open", "pledged", "met", "withdrawn"};
  private static final double[] STATUS_WEIGHTS = {0.35, 0.20, 0.35, 0.10};

  /** The programme that serves a kind of need; a need of such a kind is under it half the time. */
  private static final Map<String, String> PROGRAM_OF_KIND =
      Map.of(
          "school_fees", ProgramCatalogue.EDUCATION,
          "school_supplies", ProgramCatalogue.EDUCATION,
          "food", "PRG06",
          "medical", "PRG03",
          "rent", "PRG08");

  private final long seed;
  private final Timeline timeline;
  private final BatchSink sink;

  NeedSimulator(long seed, Timeline timeline, BatchSink sink) {
    this.seed = seed;
    this.timeline = timeline;
    this.sink = sink;
  }

  /**
   * One need as it will be written.
   *
   * @param opened epoch day
   */
  record Need(String needId, long opened, String status, Long amount, Object[] cells) {
    /** Whether a donor may still give for it: open, or pledged and not yet received. */
    boolean givable() {
      return status.equals("open") || status.equals("pledged");
    }
  }

  /** The family's needs: none for 95% of families, one for 4%, two for 1%. */
  List<Need> draw(FamilyDraw family) {
    SplittableRandom random = Seeds.stream(seed, family.number(), Seeds.NEED);
    double draw = random.nextDouble();
    int count = draw < 0.95 ? 0 : draw < 0.99 ? 1 : 2;
    List<Need> needs = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      String needId = Ids.need(family.number(), k);
      String subject =
          random.nextDouble() < 0.7
              ? "family:" + family.familyId()
              : "person:"
                  + family.children().get(random.nextInt(family.children().size())).personId();
      String kind = KINDS[Draws.pick(random, KIND_WEIGHTS)];
      boolean priced = random.nextDouble() < 0.75;
      String region = random.nextDouble() < 0.8 ? family.regionCode() : null;
      String program =
          PROGRAM_OF_KIND.containsKey(kind) && random.nextDouble() < 0.5
              ? PROGRAM_OF_KIND.get(kind)
              : null;
      long opened =
          Timeline.between(
              random, Math.max(family.registered(), timeline.start()), timeline.end() - 30);
      String status = STATUSES[Draws.pick(random, STATUS_WEIGHTS)];
      long updated = Timeline.between(random, opened, Math.min(opened + 120, timeline.end()));
      Long amount = priced ? (1L + random.nextInt(200)) * 1_000_000L : null;
      needs.add(
          new Need(
              needId,
              opened,
              status,
              amount,
              new Object[] {
                needId,
                subject,
                kind,
                amount,
                priced ? "IRR" : null,
                region,
                program,
                Timeline.date(opened),
                status,
                Timeline.timestamp(updated, random)
              }));
    }
    return needs;
  }

  void write(List<Need> needs) {
    for (Need need : needs) {
      sink.write(EntityFile.NEEDS, need.cells());
    }
  }
}
