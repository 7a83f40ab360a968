package org.rishe.analytics.impact.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

class LalondeBatchWriterTest {
  @TempDir Path folder;

  @Test
  void experimentalSampleRoundTripsThroughTheDataContract() throws IOException {
    LalondeBatchWriter.write(
        BenchmarkSamples.lalondeExperimental(BenchmarkSamples.directory()), "nsw", folder);

    assertThat(rows("people.csv")).hasSize(445);
    assertThat(rows("families.csv")).hasSize(445);
    List<List<String>> enrollments = rows("enrollments.csv");
    assertThat(enrollments).hasSize(185);
    assertThat(rows("observations.csv")).hasSize(445 * 8);
    // The experimental difference in 1978 earnings, recomputed from the written files alone.
    Set<String> enrolled = new HashSet<>();
    enrollments.forEach(row -> enrolled.add(row.get(1)));
    double[] sums = new double[2];
    int[] counts = new int[2];
    for (List<String> row : rows("observations.csv")) {
      if (row.get(2).equals("earnings_1978")) {
        int group = enrolled.contains(row.get(0)) ? 1 : 0;
        sums[group] += Double.parseDouble(row.get(4));
        counts[group]++;
      }
    }
    assertThat(counts).containsExactly(260, 185);
    assertThat(sums[1] / counts[1] - sums[0] / counts[0]).isCloseTo(1794.34, within(0.01));
  }

  private List<List<String>> rows(String file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(folder.resolve(file));
        CsvReader csv = new CsvReader(reader)) {
      csv.next();
      for (Optional<CsvRecord> record = csv.next(); record.isPresent(); record = csv.next()) {
        rows.add(record.get().cells());
      }
    }
    return rows;
  }
}
