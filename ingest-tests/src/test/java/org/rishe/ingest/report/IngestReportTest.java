package org.rishe.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestReportTest {
  @Test
  void anEmptyBatchFolderSaysNothingWasIngestedAndWhere() {
    IngestReport report =
        new IngestReport(
            "20261206T082008Z-8913",
            "/data/batches/2026-12",
            "gregorian",
            "utf-8",
            "check",
            "2026-12-06T08:20:08Z",
            "2026-12-06T08:20:09Z",
            IngestReport.statusOf(List.of()),
            List.of(),
            Map.of());

    assertThat(report.summary())
        .contains("(no files in /data/batches/2026-12: nothing was ingested)")
        .endsWith("ingest 20261206T082008Z-8913: complete");
  }
}
