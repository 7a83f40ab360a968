package org.rishe.api.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
  record Row(String name, Long count, List<String> tags, Map<String, Integer> nested) {}

  @Test
  void rowsBecomeRfc4180LinesWithQuotingNullsAndNestedValuesAsJson() {
    String csv =
        Csv.write(
            Row.class,
            List.of(
                new Row("plain", 3L, List.of("a"), Map.of("x", 1)),
                new Row("comma, \"quote\"\nline", null, List.of(), Map.of())));

    assertThat(csv)
        .isEqualTo(
            "name,count,tags,nested\r\n"
                + "plain,3,\"[\"\"a\"\"]\",\"{\"\"x\"\":1}\"\r\n"
                + "\"comma, \"\"quote\"\"\nline\",,[],{}\r\n");
  }

  record Interval(Double estimate, Double low, Double high) {}

  record Factor(String factor, Interval oddsRatio) {}

  @Test
  void aNestedRecordSpreadsOverOneColumnPerComponentAndANullOneLeavesThemEmpty() {
    String csv =
        Csv.write(
            Factor.class,
            List.of(
                new Factor("out_of_school", new Interval(3.9, 2.6, 5.6)),
                new Factor("learning", null)));

    assertThat(csv)
        .isEqualTo(
            "factor,oddsRatio.estimate,oddsRatio.low,oddsRatio.high\r\n"
                + "out_of_school,3.9,2.6,5.6\r\n"
                + "learning,,,\r\n");
  }

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Csv.cell(-5L)).isEqualTo("-5");
  }
}
