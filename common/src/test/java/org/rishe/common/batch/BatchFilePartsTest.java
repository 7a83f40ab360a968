package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BatchFilePartsTest {
  /** Every way a CSV record or line end can be written, in records that repeat with new ids. */
  private static String awkwardCsv(int records) {
    StringBuilder csv = new StringBuilder("\uFEFF\r\n\nperson_id,full_name,note,sex,comment\r\n");
    for (int i = 0; i < records; i++) {
      switch (i % 8) {
        case 0 -> csv.append("P").append(i).append(",\"Zahra\nAhmadi\",x,female,\"a\r\nb\"\n");
        case 1 -> csv.append("\n\r\n");
        case 2 ->
            csv.append("P")
                .append(i)
                .append(",\"Ali \"\"the elder\"\"\r\nRezaei\",y,male,\"\"\"\n\"\"\"\r\n");
        case 3 -> csv.append("P").append(i).append(",12\" screen,\"z\",male,\"x\"y\"\n");
        case 4 -> csv.append("P").append(i).append(",short\n");
        case 5 -> csv.append("P").append(i).append(",\"a,b\",q,,\"\"\r");
        case 6 -> csv.append("P").append(i).append(",x,\"multi\n\n\nline\",female,زهرا\r\n");
        default -> csv.append("P").append(i).append(",\"\",,,\"\n\"\r\n\r\n");
      }
    }
    return csv.append("P_last,no,line,end,here").toString();
  }

  private static String awkwardJsonLines(int records) {
    StringBuilder json = new StringBuilder("\uFEFF{\"person_id\":\"P0\",\"email\":\"a@b.c\"}\r\n");
    for (int i = 1; i < records; i++) {
      switch (i % 5) {
        case 0 -> json.append("{\"person_id\":\"P").append(i).append("\",\"sex\":null}\n");
        case 1 -> json.append("\n  \r\n");
        case 2 -> json.append("not json\r");
        case 3 -> json.append("\uFEFF{\"person_id\":\"P").append(i).append("\"}\n");
        default -> json.append("{\"person_id\":\"زهرا\",\"tags\":[1]}\r\n");
      }
    }
    return json.toString();
  }

  private record Read(List<SourceRow> rows, List<String> columns, Set<String> dropped) {}

  private static Read sequentially(String name, byte[] bytes, BatchEncoding encoding) {
    try (BatchFileReader reader =
        BatchFileReader.open(name, new ByteArrayInputStream(bytes), encoding)) {
      List<SourceRow> rows = new ArrayList<>();
      for (Optional<SourceRow> row; (row = reader.next()).isPresent(); ) {
        rows.add(row.get());
      }
      return new Read(rows, reader.columns(), new TreeSet<>(reader.droppedPersonalColumns()));
    }
  }

  /** Reads each part apart, as a task does, and puts what they read together in file order. */
  private static Read inParts(String name, byte[] bytes, BatchEncoding encoding, long partBytes) {
    BatchFileParts parts =
        BatchFileParts.scan(name, new ByteArrayInputStream(bytes), encoding, partBytes);
    List<SourceRow> rows = new ArrayList<>();
    Set<String> columns = new TreeSet<>();
    Set<String> dropped = new TreeSet<>();
    for (BatchFileParts.Part part : parts.parts()) {
      InputStream in = new ByteArrayInputStream(bytes, (int) part.offset(), (int) part.length());
      InputStream header = new ByteArrayInputStream(bytes, 0, (int) parts.headerEnd());
      try (BatchFileReader reader =
          part.offset() == 0
              ? BatchFileReader.open(name, in, encoding)
              : BatchFileReader.openPart(name, header, in, part.firstLine(), encoding)) {
        for (Optional<SourceRow> row; (row = reader.next()).isPresent(); ) {
          rows.add(row.get());
        }
        columns.addAll(reader.columns());
        dropped.addAll(reader.droppedPersonalColumns());
      }
    }
    return new Read(rows, new ArrayList<>(columns), dropped);
  }

  private static void assertSameAsSequential(String name, byte[] bytes, long partBytes) {
    Read whole = sequentially(name, bytes, BatchEncoding.UTF_8);
    Read parts = inParts(name, bytes, BatchEncoding.UTF_8, partBytes);
    assertThat(parts.rows()).as("rows in parts of %d bytes", partBytes).isEqualTo(whole.rows());
    assertThat(parts.columns()).containsExactlyInAnyOrderElementsOf(whole.columns());
    assertThat(parts.dropped()).isEqualTo(whole.dropped());
  }

  @Test
  void csvRecordsReadInPartsCarryTheLinesAndValuesOfASequentialRead() {
    byte[] bytes = awkwardCsv(200).getBytes(StandardCharsets.UTF_8);
    for (long partBytes : new long[] {1, 2, 3, 5, 17, 64, 100, 1024, 1L << 20}) {
      assertSameAsSequential("people.csv", bytes, partBytes);
    }
    assertThat(
            BatchFileParts.scan(
                    "people.csv", new ByteArrayInputStream(bytes), BatchEncoding.UTF_8, 1024)
                .parts())
        .hasSizeGreaterThan(3);
    assertThat(sequentially("people.csv", bytes, BatchEncoding.UTF_8).rows())
        .extracting(SourceRow::line)
        .startsWith(4L, 9L, 12L);
  }

  @Test
  void jsonLinesReadInPartsCarryTheLinesAndValuesOfASequentialRead() {
    byte[] bytes = awkwardJsonLines(200).getBytes(StandardCharsets.UTF_8);
    for (long partBytes : new long[] {1, 2, 3, 5, 17, 64, 100, 1024, 1L << 20}) {
      assertSameAsSequential("people.jsonl", bytes, partBytes);
    }
  }

  @Test
  void partsStartOnlyAtRecordBoundariesAndCoverTheWholeFileWithItsDigest() throws Exception {
    byte[] bytes = awkwardCsv(100).getBytes(StandardCharsets.UTF_8);
    BatchFileParts parts =
        BatchFileParts.scan("people.csv", new ByteArrayInputStream(bytes), BatchEncoding.UTF_8, 50);

    assertThat(parts.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    long next = 0;
    for (BatchFileParts.Part part : parts.parts()) {
      assertThat(part.offset()).isEqualTo(next);
      assertThat(part.index()).isEqualTo(parts.parts().indexOf(part));
      if (part.offset() > 0) {
        assertThat(bytes[(int) part.offset() - 1]).isEqualTo((byte) '\n');
        assertThat(part.offset()).isGreaterThanOrEqualTo(parts.headerEnd());
      }
      next = part.offset() + part.length();
    }
    assertThat(next).isEqualTo(bytes.length);
    assertThat(new String(bytes, 0, (int) parts.headerEnd(), StandardCharsets.UTF_8))
        .endsWith("comment\r\n");
  }

  @Test
  void aSmallOrEmptyFileIsOnePart() {
    assertThat(
            BatchFileParts.scan(
                    "people.csv",
                    new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                    BatchEncoding.UTF_8,
                    BatchFileParts.DEFAULT_PART_BYTES)
                .parts())
        .containsExactly(new BatchFileParts.Part(0, 0, 8, 1));
    assertThat(
            BatchFileParts.scan(
                    "people.jsonl", InputStream.nullInputStream(), BatchEncoding.UTF_8, 1)
                .parts())
        .containsExactly(new BatchFileParts.Part(0, 0, 0, 1));
  }

  @Test
  void aWindows1256FileIsCutAndReadTheSameWay() {
    Charset windows1256 = BatchEncoding.WINDOWS_1256.charset();
    byte[] bytes =
        awkwardCsv(60).replace("\uFEFF", "").replace("زهرا", "ژاله").getBytes(windows1256);
    Read whole = sequentially("people.csv", bytes, BatchEncoding.WINDOWS_1256);
    Read parts = inParts("people.csv", bytes, BatchEncoding.WINDOWS_1256, 7);
    assertThat(parts.rows()).isEqualTo(whole.rows());
  }

  @Test
  void aFileThatCannotBeReadFailsAPartWithTheMessageOfASequentialRead() {
    byte[] open =
        (awkwardCsv(100) + "\nP9,\"never closed,x,y,z\n").getBytes(StandardCharsets.UTF_8);
    String message = messageOf(() -> sequentially("people.csv", open, BatchEncoding.UTF_8));
    assertThat(message).contains("a quoted cell is never closed");
    assertThatThrownBy(() -> inParts("people.csv", open, BatchEncoding.UTF_8, 64))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(message);

    byte[] text = awkwardJsonLines(100).getBytes(StandardCharsets.UTF_8);
    byte[] invalid = new byte[text.length + 2];
    System.arraycopy(text, 0, invalid, 0, text.length);
    invalid[text.length] = (byte) 0xFF;
    invalid[text.length + 1] = '\n';
    String notUtf8 = messageOf(() -> sequentially("people.jsonl", invalid, BatchEncoding.UTF_8));
    assertThat(notUtf8).contains("not UTF-8");
    assertThatThrownBy(() -> inParts("people.jsonl", invalid, BatchEncoding.UTF_8, 64))
        .isInstanceOf(BatchFileException.class)
        .hasMessage(notUtf8);
  }

  private static String messageOf(Runnable read) {
    try {
      read.run();
    } catch (BatchFileException e) {
      return e.getMessage();
    }
    throw new AssertionError("the read did not fail");
  }
}
