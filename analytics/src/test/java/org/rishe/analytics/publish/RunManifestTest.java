package org.rishe.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.common.results.ProgramImpactGap;

/**
 * {@code run.json} carries each programme impact gap's reason in English, every count written with
 * Latin digits, whatever language the API later words it in ({@code ?lang=fa}).
 */
class RunManifestTest {
  @Test
  void theManifestWritesEachGapsReasonAsItsEnglishSentence() throws Exception {
    ProgramImpactGap late =
        new ProgramImpactGap(
            "PRG01",
            "reading_score",
            ProgramImpactGap.NO_OUTCOME_IN_WINDOW,
            185,
            185,
            0L,
            40L,
            185L,
            1095.0,
            30,
            365,
            20);
    ProgramImpactGap few =
        new ProgramImpactGap(
            "PRG02",
            "school_attendance",
            ProgramImpactGap.TOO_FEW_TREATED,
            12,
            12,
            3L,
            50L,
            0L,
            null,
            30,
            null,
            20);
    RunManifest manifest =
        new RunManifest(
            "run-1",
            "2026-12-05T09:00:00Z",
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            List.of(RunManifest.gapEntry(late), RunManifest.gapEntry(few)));

    JsonNode gaps = new ObjectMapper().readTree(manifest.toJson()).get("programImpactGaps");

    assertThat(gaps).hasSize(2);
    assertThat(gaps.get(0).get("reason").asText()).isEqualTo("no_outcome_in_window");
    // every count as computed, as the docs word this case (docs/methods.md)
    assertThat(gaps.get(0).get("text").asText())
        .isEqualTo(
            "185 enrolled, 0 outcomes in the follow-up window of 30–365 days; 185 observed"
                + " outside it, at a median 1,095 days after enrolment");
    assertThat(gaps.get(1).get("text").asText())
        .isEqualTo("3 enrolled with the outcome in the window, fewer than the 20 needed");
    for (JsonNode gap : gaps) {
      assertThat(gap.get("text").asText()).doesNotContainPattern("[\\u0600-\\u06FF]");
    }
  }
}
