package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of programme evaluation.
 *
 * @param followUp the days after the index date on which an outcome counts, for programmes that do
 *     not give their own ({@code follow_up_start_days}, {@code follow_up_end_days} in the data
 *     contract); by default from day 30 with no end
 * @param minimumAge with {@code maximumAge}, fixed age bounds of the scope; both null (the default)
 *     means the range of each programme's participants' ages at enrolment
 * @param minimumGroupSize fewest treated and fewest comparison people with the outcome observed for
 *     an estimate to be made at all
 * @param options the estimator's bootstrap and matching settings
 * @param programs programme ids to evaluate; empty means all
 */
public record ProgramImpactSettings(
    FollowUpWindow followUp,
    Integer minimumAge,
    Integer maximumAge,
    int minimumGroupSize,
    ImpactOptions options,
    Set<String> programs) {
  public static final int DEFAULT_FOLLOW_UP_START = 30;
  public static final int DEFAULT_MINIMUM_GROUP = 20;

  public ProgramImpactSettings {
    requireNonNull(followUp, "followUp is null");
    if ((minimumAge == null) != (maximumAge == null)
        || (minimumAge != null && (minimumAge < 0 || maximumAge < minimumAge))) {
      throw new IllegalArgumentException(
          "give both age bounds (0 <= minimum <= maximum) or neither, got "
              + minimumAge
              + ".."
              + maximumAge);
    }
    if (minimumGroupSize < 2) {
      throw new IllegalArgumentException(
          "minimum group size must be at least 2, got " + minimumGroupSize);
    }
    requireNonNull(options, "options is null");
    programs = Set.copyOf(requireNonNull(programs, "programs is null"));
  }

  public static ProgramImpactSettings defaults() {
    return new ProgramImpactSettings(
        FollowUpWindow.from(DEFAULT_FOLLOW_UP_START),
        null,
        null,
        DEFAULT_MINIMUM_GROUP,
        ImpactOptions.defaults(20260101),
        Set.of());
  }

  public ProgramImpactSettings withFollowUp(int startDays, int endDays) {
    return withFollowUp(FollowUpWindow.between(startDays, endDays));
  }

  public ProgramImpactSettings withFollowUp(FollowUpWindow window) {
    return new ProgramImpactSettings(
        window, minimumAge, maximumAge, minimumGroupSize, options, programs);
  }

  public int followUpStartDays() {
    return followUp.startDays();
  }

  /** The last day of the run's follow-up window; null when it has no end. */
  public Integer followUpEndDays() {
    return followUp.endDays();
  }

  /** Fixed age bounds of the scope instead of the participants' range. */
  public ProgramImpactSettings withAgeRange(int minimum, int maximum) {
    return new ProgramImpactSettings(
        followUp, minimum, maximum, minimumGroupSize, options, programs);
  }

  public ProgramImpactSettings withOptions(ImpactOptions newOptions) {
    return new ProgramImpactSettings(
        followUp, minimumAge, maximumAge, minimumGroupSize, newOptions, programs);
  }

  public ProgramImpactSettings withPrograms(Set<String> newPrograms) {
    return new ProgramImpactSettings(
        followUp, minimumAge, maximumAge, minimumGroupSize, options, newPrograms);
  }

  /**
   * For the run manifest. {@code impactFollowUpDays} is the window as {@code --follow-up-days}
   * takes it ({@code 30-} when it has no end); {@code impactFollowUpEndDays} is left out when there
   * is no end, since the manifest holds no nulls.
   */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("impactFollowUpDays", followUp.text());
    map.put("impactFollowUpStartDays", followUp.startDays());
    if (!followUp.openEnded()) {
      map.put("impactFollowUpEndDays", followUp.endDays());
    }
    map.put(
        "impactScope",
        minimumAge == null ? "participant_age_range" : minimumAge + ".." + maximumAge);
    map.put("impactMinimumGroupSize", minimumGroupSize);
    map.put("impactVariance", options.variance().label());
    map.put("impactResamples", options.resamples());
    map.put("impactResampleUnits", options.maxResampleUnits());
    map.put("impactSeed", options.seed());
    map.put("impactCaliper", options.caliperStandardDeviations());
    map.put("impactPrograms", programs.isEmpty() ? "all" : String.join(",", programs));
    return map;
  }
}
