package org.rishe.api.donations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.common.results.ResultTables;

/**
 * A donor's giving as the donor sees it: their donations' journeys and their pledges, each pledge
 * linked to the donation that fulfils it. A pledge is linked to a donation of the same donor
 * designated {@code need:<need_id>} of the pledge's need and received on or after the day of the
 * pledge (UTC): pledges in the order they were made each take the earliest such donation no earlier
 * pledge took (ties by donation id), so two pledges to one need are fulfilled by two donations. A
 * linked journey starts with the pledge as its {@code pledged} stage. Need ids are never served: a
 * need is named by its public reference: as {@link PublishedRun#servedDesignation} names it, or,
 * for a need no longer on the board, by the reference the donor's pledge to it was made with.
 */
public final class Giving {
  static final String PLEDGED = "pledged";

  /** The flag of a journey with a stage timestamped before one it should follow. */
  static final String OUT_OF_ORDER = ResultTables.FLAG_OUT_OF_ORDER;

  static final String RECEIVED = "received";
  private static final String NEED_PREFIX = "need:";
  private static final String PROGRAM_PREFIX = "program:";

  private final PublishedRun run;
  private final Map<String, DashboardRun.JourneyRow> donations;
  private final List<Pledge> pledges;
  private final Map<String, String> needRefs;
  private final Map<String, Pledge> pledgeByDonation;
  private final Map<String, String> donationByPledge;
  private final Instant now;

  /** The journey as served: a need named by its reference, with the pledge it fulfils. */
  public record JourneyView(
      String donationId,
      String designation,
      String receivedOn,
      List<DashboardRun.Stage> stages,
      String current,
      List<DashboardRun.Gap> stageGaps,
      String deliveredOn,
      Integer daysToDelivery,
      List<String> flags,
      String programId,
      String needRef,
      long daysInStage,
      String pledgeId,
      String pledgedAt) {}

  /**
   * A pledge as its donor sees it: {@code stage} is {@code pledged} until a donation fulfils it,
   * then that donation's stage; {@code donationId} names the donation (null before).
   */
  public record PledgeStatusView(
      String pledgeId,
      String needRef,
      Double amount,
      String currency,
      String pledgedAt,
      String stage,
      long daysInStage,
      String donationId) {}

  /** The giving of {@code donorId} (a pseudonym, as the key holds it) in {@code run}. */
  Giving(PublishedRun run, List<Pledge> allPledges, String donorId, Instant now) {
    this.now = now;
    this.run = run;
    Map<String, DashboardRun.JourneyRow> own = new HashMap<>();
    run.dashboard().journeys().values().stream()
        .filter(j -> donorId.equals(j.donorId()))
        .forEach(j -> own.put(j.donationId(), j));
    this.donations = own;
    this.pledges =
        allPledges.stream()
            .filter(p -> donorId.equals(p.donorId()))
            .sorted(Comparator.comparing(Pledge::pledgedAt))
            .toList();
    this.needRefs = new HashMap<>();
    pledges.forEach(p -> needRefs.put(p.needId(), p.needRef()));
    this.pledgeByDonation = new HashMap<>();
    this.donationByPledge = new HashMap<>();
    link();
  }

  private void link() {
    List<DashboardRun.JourneyRow> byReceipt =
        donations.values().stream()
            .sorted(
                Comparator.comparing(DashboardRun.JourneyRow::receivedOn)
                    .thenComparing(DashboardRun.JourneyRow::donationId))
            .toList();
    Set<String> taken = new HashSet<>();
    for (Pledge pledge : pledges) {
      String designation = NEED_PREFIX + pledge.needId();
      LocalDate day = LocalDate.ofInstant(Instant.parse(pledge.pledgedAt()), ZoneOffset.UTC);
      byReceipt.stream()
          .filter(d -> !taken.contains(d.donationId()))
          .filter(d -> designation.equals(d.designation()))
          .filter(d -> !LocalDate.parse(d.receivedOn()).isBefore(day))
          .findFirst()
          .ifPresent(
              d -> {
                taken.add(d.donationId());
                pledgeByDonation.put(d.donationId(), pledge);
                donationByPledge.put(pledge.pledgeId(), d.donationId());
              });
    }
  }

  /** The id of the donation that fulfils {@code pledge} (one of this donor's), or null. */
  String donationOf(Pledge pledge) {
    return donationByPledge.get(pledge.pledgeId());
  }

  /** The donor's donation {@code donationId}, if it is theirs. */
  boolean owns(String donationId) {
    return donations.containsKey(donationId);
  }

  /** Every donation of the donor, newest received first. */
  List<JourneyView> donations() {
    return donations.values().stream()
        .sorted(
            Comparator.comparing(DashboardRun.JourneyRow::receivedOn)
                .thenComparing(DashboardRun.JourneyRow::donationId)
                .reversed())
        .map(this::view)
        .toList();
  }

  /** Every pledge of the donor, newest first. */
  List<PledgeStatusView> pledges() {
    List<PledgeStatusView> views = new ArrayList<>();
    for (Pledge pledge : pledges) {
      String donationId = donationByPledge.get(pledge.pledgeId());
      JourneyView journey = donationId == null ? null : view(donations.get(donationId));
      views.add(
          new PledgeStatusView(
              pledge.pledgeId(),
              pledge.needRef(),
              pledge.amount(),
              pledge.currency(),
              pledge.pledgedAt(),
              journey == null ? PLEDGED : journey.current(),
              journey == null ? daysSince(pledge.pledgedAt()) : journey.daysInStage(),
              donationId));
    }
    Collections.reverse(views);
    return views;
  }

  /** The journey of one of the donor's donations. */
  JourneyView view(String donationId) {
    return view(donations.get(donationId));
  }

  private JourneyView view(DashboardRun.JourneyRow journey) {
    Pledge pledge = pledgeByDonation.get(journey.donationId());
    List<DashboardRun.Stage> stages = new ArrayList<>();
    List<DashboardRun.Gap> gaps = new ArrayList<>();
    List<String> flags = new ArrayList<>(journey.flags());
    if (pledge != null) {
      // the pledge is the journey's pledged stage: an aid event of that stage gives way to it
      stages.add(new DashboardRun.Stage(PLEDGED, pledge.pledgedAt()));
      Optional<DashboardRun.Stage> next =
          journey.stages().stream().filter(s -> !PLEDGED.equals(s.stage())).findFirst();
      next.ifPresent(s -> gaps.add(new DashboardRun.Gap(PLEDGED, s.stage(), days(pledge, s))));
      // linked by day, a donation received earlier the same day follows its pledge in journey
      // order only: flagged as analytics flags any stage timestamped before one it should follow
      if (next.isPresent()
          && Instant.parse(next.get().at()).isBefore(Instant.parse(pledge.pledgedAt()))
          && !flags.contains(OUT_OF_ORDER)) {
        flags.add(0, OUT_OF_ORDER);
      }
    }
    journey.stages().stream()
        .filter(s -> pledge == null || !PLEDGED.equals(s.stage()))
        .forEach(stages::add);
    journey.gaps().stream()
        .filter(
            g -> pledge == null || !(PLEDGED.equals(g.fromStage()) || PLEDGED.equals(g.toStage())))
        .forEach(gaps::add);
    String lastStep =
        stages.stream()
            .map(DashboardRun.Stage::at)
            .max(Comparator.comparing(Instant::parse))
            .orElse(journey.receivedOn() + "T00:00:00Z");
    String designation = journey.designation();
    String programId = null;
    String needRef = null;
    if (designation != null && designation.startsWith(PROGRAM_PREFIX)) {
      programId = designation.substring(PROGRAM_PREFIX.length());
    } else if (designation != null && designation.startsWith(NEED_PREFIX)) {
      // named as the board names it; a need that left the board by the reference it was pledged by
      String pledgedRef = needRefs.get(designation.substring(NEED_PREFIX.length()));
      designation = run.servedDesignation(designation);
      if (designation.startsWith(NEED_PREFIX)) {
        needRef = designation.substring(NEED_PREFIX.length());
      } else if (pledgedRef != null) {
        needRef = pledgedRef;
        designation = NEED_PREFIX + pledgedRef;
      }
    }
    return new JourneyView(
        journey.donationId(),
        designation,
        journey.receivedOn(),
        stages,
        journey.currentStage() == null ? RECEIVED : journey.currentStage(),
        gaps,
        journey.deliveredOn(),
        journey.daysToDelivery(),
        flags,
        programId,
        needRef,
        daysSince(lastStep),
        pledge == null ? null : pledge.pledgeId(),
        pledge == null ? null : pledge.pledgedAt());
  }

  /** Days from the pledge to a stage, to two decimals, as analytics gives a journey's gaps. */
  private static double days(Pledge pledge, DashboardRun.Stage stage) {
    long seconds =
        Duration.between(Instant.parse(pledge.pledgedAt()), Instant.parse(stage.at())).toSeconds();
    return Math.round(seconds / 864.0) / 100.0;
  }

  /** Whole days from {@code at} to now; 0 for a time not yet past. */
  private long daysSince(String at) {
    return Math.max(0, Duration.between(Instant.parse(at), now).toDays());
  }
}
