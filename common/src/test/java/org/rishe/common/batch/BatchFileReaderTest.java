package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchFileReaderTest {
  private static BatchFileReader open(String name, String content) {
    return BatchFileReader.open(
        name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEmptyCsvFileFailsNamingTheFileAndTheFix() {
    assertThatThrownBy(() -> open("families.csv", ""))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(
            "families.csv: the file is empty; a CSV batch file needs a header row naming its columns");
  }

  @Test
  void aHeaderNamingAColumnTwiceOrNotAtAllFails() {
    assertThatThrownBy(() -> open("families.csv", "family_id,region,family_id\n1,2,3\n"))
        .isInstanceOf(BatchFileException.class)
        .hasMessage("families.csv: the header names column 'family_id' twice; keep one");
    assertThatThrownBy(() -> open("families.csv", "family_id,,region\n"))
        .isInstanceOf(BatchFileException.class)
        .hasMessageContaining("empty column name");
  }

  @Test
  void anUnknownFileFormatFailsNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> open("families.ods", "x"))
        .isInstanceOf(BatchFileException.class)
        .hasMessageContaining("name batch files NAME.csv, NAME.jsonl or NAME.xlsx");
  }

  @Test
  void personalColumnsAreDroppedFromCsvAndJsonLinesAndEmptyCellsAreNull() {
    SourceRow csv =
        open("people.csv", "person_id,Full_Name,phone,sex\nP1,Sara,0912,\n").next().orElseThrow();
    SourceRow json =
        open(
                "people.jsonl",
                "{\"person_id\":\"P1\",\"email\":\"a@b.c\",\"sex\":null,\"birth_year\":2012}\n")
            .next()
            .orElseThrow();

    assertThat(csv.values()).containsOnlyKeys("person_id", "sex").containsEntry("sex", null);
    assertThat(json.values())
        .containsOnlyKeys("person_id", "sex", "birth_year")
        .containsEntry("birth_year", "2012");
  }

  @Test
  void theNoteOfAidEventsIsDroppedLikeAPersonalColumnFromCsvAndJsonLines() {
    BatchFileReader csv =
        open("aid_events.csv", "donation_id,stage,at,Note\nD1,received,2024-03-02,for Sara\n");
    BatchFileReader json =
        open(
            "aid_events.jsonl",
            "{\"donation_id\":\"D1\",\"note\":\"for Sara\",\"stage\":\"received\"}\n");

    assertThat(csv.next().orElseThrow().values())
        .containsOnlyKeys("donation_id", "stage", "at")
        .doesNotContainValue("for Sara");
    assertThat(csv.droppedPersonalColumns()).containsExactly("Note");
    assertThat(json.next().orElseThrow().values()).containsOnlyKeys("donation_id", "stage");
    assertThat(json.droppedPersonalColumns()).containsExactly("note");
  }

  @Test
  void aJsonLineThatIsNotAnObjectOfScalarsIsUnreadableButTheFileGoesOn() {
    BatchFileReader reader =
        open("cases.jsonl", "[1,2]\n{\"case_id\":{\"nested\":1}}\n{\"case_id\":\"C1\"}\n");

    Optional<SourceRow> array = reader.next();
    Optional<SourceRow> nested = reader.next();
    Optional<SourceRow> good = reader.next();

    assertThat(array.orElseThrow().unreadableReason())
        .hasValueSatisfying(r -> assertThat(r.message()).isEqualTo("line is not a JSON object"));
    assertThat(nested.orElseThrow().unreadableReason())
        .hasValueSatisfying(r -> assertThat(r.message()).contains("values must be scalars"));
    assertThat(good.orElseThrow().line()).isEqualTo(3);
    assertThat(reader.next()).isEmpty();
  }
}
