package org.rishe.common.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<CsvRecord> read(String text) {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(text))) {
      Optional<CsvRecord> record;
      while ((record = reader.next()).isPresent()) {
        records.add(record.get());
      }
    }
    return records;
  }

  @Test
  void readsBomCrlfQuotesAndLineBreaksInsideQuotesWithTheirStartingLine() {
    List<CsvRecord> records =
        read("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n4,\"two\nlines\",\r\n\"نام\",,6\n");

    assertThat(records)
        .extracting(CsvRecord::cells)
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("1", "x, \"y\"", "3"),
            List.of("4", "two\nlines", ""),
            List.of("نام", "", "6"));
    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 5L);
  }

  @Test
  void keepsShortAndLongRowsAsTheyAre() {
    List<CsvRecord> records = read("a,b\n1\n1,2,3\n");

    assertThat(records).extracting(CsvRecord::size).containsExactly(2, 1, 3);
  }

  @Test
  void anUnclosedQuoteIsAFormatErrorNamingItsLine() {
    assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: a quoted cell is never closed");
  }

  @Test
  void writerQuotesOnlyWhatNeedsQuotingAndRoundTrips() {
    assertThat(CsvWriter.escape("plain")).isEqualTo("plain");
    assertThat(CsvWriter.escape("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvWriter.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(read(CsvWriter.escape("x\ny") + "," + CsvWriter.escape("q\"") + "\n").get(0).cells())
        .containsExactly("x\ny", "q\"");
  }
}
