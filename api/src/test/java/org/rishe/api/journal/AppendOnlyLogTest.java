package org.rishe.api.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendOnlyLogTest {
  record Entry(String key, String value) {}

  @TempDir Path folder;

  private AppendOnlyLog<Entry> open(Path file, List<String> warnings) {
    return AppendOnlyLog.open(file, Entry.class, e -> List.of(e.key()), warnings::add);
  }

  @Test
  void aRecordIsStoredOnceAndReadBackAfterReopening() {
    Path file = folder.resolve("logs").resolve("entries.jsonl");
    List<String> warnings = new ArrayList<>();
    try (AppendOnlyLog<Entry> log = open(file, warnings)) {
      assertThat(file).doesNotExist();
      assertThat(log.appendIfAbsent(new Entry("a", "1")).created()).isTrue();
      AppendOnlyLog.Appended<Entry> again = log.appendIfAbsent(new Entry("a", "2"));
      assertThat(again.created()).isFalse();
      assertThat(again.record()).isEqualTo(new Entry("a", "1"));
      log.appendIfAbsent(new Entry("b", "3"));
    }
    try (AppendOnlyLog<Entry> reopened = open(file, warnings)) {
      assertThat(reopened.records()).containsExactly(new Entry("a", "1"), new Entry("b", "3"));
      assertThat(reopened.find("b")).contains(new Entry("b", "3"));
      assertThat(reopened.appendIfAbsent(new Entry("b", "4")).created()).isFalse();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRecordTornByACrashIsDroppedOnReopenAndTheNextAppendIsWhole() throws Exception {
    Path file = folder.resolve("entries.jsonl");
    try (AppendOnlyLog<Entry> log = open(file, new ArrayList<>())) {
      log.appendIfAbsent(new Entry("a", "1"));
      log.appendIfAbsent(new Entry("b", "2"));
    }
    long whole = Files.size(file);
    // a crash in the middle of writing the third line: part of it reached the disk
    try (AppendOnlyLog<Entry> log = open(file, new ArrayList<>())) {
      log.appendIfAbsent(new Entry("c", "3"));
    }
    long third = Files.size(file) - whole;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(whole + third / 2);
    }
    // a reader meanwhile (rishe interests export) skips the torn line and leaves the file alone
    assertThat(AppendOnlyLog.read(file, Entry.class))
        .containsExactly(new Entry("a", "1"), new Entry("b", "2"));
    assertThat(Files.size(file)).isEqualTo(whole + third / 2);

    List<String> warnings = new ArrayList<>();
    try (AppendOnlyLog<Entry> reopened = open(file, warnings)) {
      assertThat(reopened.records()).containsExactly(new Entry("a", "1"), new Entry("b", "2"));
      assertThat(Files.size(file)).isEqualTo(whole);
      assertThat(warnings).singleElement().asString().contains("dropped the torn last record");
      // the torn record was never acknowledged: storing it again works, on a line of its own
      assertThat(reopened.appendIfAbsent(new Entry("c", "3")).created()).isTrue();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).isEqualTo("{\"key\":\"c\",\"value\":\"3\"}");
    try (AppendOnlyLog<Entry> again = open(file, warnings)) {
      assertThat(again.records()).extracting(Entry::key).containsExactly("a", "b", "c");
    }
    assertThat(warnings).hasSize(1);
  }

  @Test
  void aWholeLastLineWithoutItsLineEndAndZerosLeftByAFileSystemAreTornToo() throws Exception {
    Path file = folder.resolve("entries.jsonl");
    Files.writeString(file, "{\"key\":\"a\",\"value\":\"1\"}\n{\"key\":\"b\",\"value\":\"2\"}");
    List<String> warnings = new ArrayList<>();
    try (AppendOnlyLog<Entry> log = open(file, warnings)) {
      assertThat(log.records()).containsExactly(new Entry("a", "1"));
    }
    Files.write(file, new byte[] {0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);
    try (AppendOnlyLog<Entry> log = open(file, warnings)) {
      assertThat(log.records()).containsExactly(new Entry("a", "1"));
      log.appendIfAbsent(new Entry("b", "2"));
    }
    assertThat(Files.readString(file))
        .isEqualTo("{\"key\":\"a\",\"value\":\"1\"}\n{\"key\":\"b\",\"value\":\"2\"}\n");
    assertThat(warnings).hasSize(2);
  }

  @Test
  void oneLogWritesAFileAtATime() {
    Path file = folder.resolve("entries.jsonl");
    try (AppendOnlyLog<Entry> first = open(file, new ArrayList<>());
        AppendOnlyLog<Entry> second = open(file, new ArrayList<>())) {
      first.appendIfAbsent(new Entry("a", "1"));

      assertThatThrownBy(() -> second.appendIfAbsent(new Entry("b", "2")))
          .isInstanceOf(AppendOnlyLog.HeldElsewhere.class)
          .hasMessageContaining("only one may write it");
      first.appendIfAbsent(new Entry("c", "3"));
    }
    assertThat(AppendOnlyLog.read(file, Entry.class))
        .extracting(Entry::key)
        .containsExactly("a", "c");
  }

  @Test
  void aDamagedLineBeforeTheLastIsNotACrashAndTheLogRefusesToOpen() throws Exception {
    Path file = folder.resolve("entries.jsonl");
    Files.writeString(
        file, "{\"key\":\"a\",\"value\":\"1\"}\n{\"key\":\n{\"key\":\"c\",\"value\":\"3\"}\n");

    assertThatThrownBy(() -> open(file, new ArrayList<>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 2 of")
        .hasMessageContaining("was not left by a crash");
    assertThat(Files.readString(file)).contains("\"c\"");
  }
}
