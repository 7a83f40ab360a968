package org.rishe.analytics.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.donations.JourneyOptions;
import org.rishe.analytics.donations.JourneyTransforms;
import org.rishe.analytics.hotspots.HotspotTransforms;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.analytics.surveillance.EarsOptions;
import org.rishe.analytics.volunteers.VolunteerMatchTransforms;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * The analyze step behind the leadership dashboard, emerging problems, donor trust and volunteer
 * matching: one step, since its tables share the cached person regions and donation journeys, and
 * in the order their inputs need (journeys feed the donation cube). Only reads, sequences and
 * writes; the work is in the transforms.
 */
public final class DashboardStep implements AnalysisStep {
  @Override
  public String name() {
    return "dashboard, donations, hotspots and volunteers";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(
        Entity.FAMILIES,
        Entity.PEOPLE,
        Entity.CASES,
        Entity.ENROLLMENTS,
        Entity.PROGRAMS,
        Entity.DONATIONS,
        Entity.AID_EVENTS,
        Entity.VOLUNTEERS);
  }

  @Override
  public List<String> publishes() {
    return List.of(
        ResultTables.DONATION_JOURNEYS,
        ResultTables.DASHBOARD_MONTHLY,
        ResultTables.DASHBOARD_DURATIONS,
        ResultTables.DASHBOARD_DONATIONS,
        ResultTables.HOTSPOTS,
        ResultTables.VOLUNTEER_MATCHES);
  }

  /** Writes the six tables and records how each was computed. */
  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    CuratedInputs inputs = context.inputs();
    ResultsPublisher publisher = context.publisher();
    Consumer<String> progress = context.progress();
    Dataset<Row> families = inputs.table(Entity.FAMILIES);
    Dataset<Row> people = inputs.people();
    Dataset<Row> cases = inputs.cases();
    Dataset<Row> enrollments = inputs.enrollments();
    Dataset<Row> programs = inputs.table(Entity.PROGRAMS);
    Dataset<Row> donations = inputs.table(Entity.DONATIONS);
    Dataset<Row> aidEvents = inputs.table(Entity.AID_EVENTS);
    Dataset<Row> personRegions = DashboardTransforms.personRegions(people, families).cache();

    progress.accept("  donation journeys");
    LocalDate asOf = JourneyTransforms.latestActivity(donations, aidEvents);
    JourneyOptions journeyOptions = new JourneyOptions(JourneyOptions.DEFAULT_STALLED_DAYS, asOf);
    Dataset<Row> journeys =
        JourneyTransforms.journeys(donations, aidEvents, journeyOptions).cache();
    publisher.write(ResultTables.DONATION_JOURNEYS, journeys);
    context.recordMethod(
        ResultTables.DONATION_JOURNEYS,
        "aid events per donation in time order; stalled/never delivered after "
            + journeyOptions.stalledDays()
            + " days without a step, judged on "
            + asOf);

    progress.accept("  monthly counts, durations and donations");
    publisher.write(
        ResultTables.DASHBOARD_MONTHLY,
        DashboardTransforms.monthlyCounts(families, people, cases, enrollments, programs));
    Dataset<Row> donationRegions =
        DashboardTransforms.donationRegions(donations, aidEvents, families).cache();
    publisher.write(
        ResultTables.DASHBOARD_DURATIONS,
        DashboardTransforms.durations(cases, personRegions, journeys, donationRegions));
    publisher.write(
        ResultTables.DASHBOARD_DONATIONS,
        DashboardTransforms.monthlyDonations(donations, journeys, donationRegions));
    context.recordMethod(
        ResultTables.DASHBOARD_MONTHLY,
        "counts per Gregorian and Jalali month and region; people and families by registration");
    context.recordMethod(
        ResultTables.DASHBOARD_DURATIONS,
        "exact day-count histograms, so medians of any period are computed from sums");
    context.recordMethod(
        ResultTables.DASHBOARD_DONATIONS,
        "donations by month received (cohort), with how many have been delivered");

    progress.accept("  hotspots");
    EarsOptions ears = EarsOptions.defaults();
    publisher.write(
        ResultTables.HOTSPOTS,
        HotspotTransforms.toTable(
            donations.sparkSession(),
            HotspotTransforms.detect(
                HotspotTransforms.collect(HotspotTransforms.monthlyCases(cases, personRegions)),
                ears)));
    context.recordMethod(ResultTables.HOTSPOTS, "EARS C2 per region x problem series: " + ears);

    progress.accept("  volunteer matches");
    publisher.write(
        ResultTables.VOLUNTEER_MATCHES,
        VolunteerMatchTransforms.matches(
            inputs.table(Entity.VOLUNTEERS), programs, enrollments, personRegions));
    context.recordMethod(
        ResultTables.VOLUNTEER_MATCHES,
        "interest, regional presence and participants per interested volunteer");
    personRegions.unpersist();
    donationRegions.unpersist();
    journeys.unpersist();
  }
}
