package org.rishe.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogFileTest {
  @TempDir Path folder;

  private static AuditLog.Entry entry(int status) {
    return new AuditLog.Entry(
        "2026-11-29T00:00:00Z",
        "k1",
        "planner",
        "GET",
        "/api/v1/problems",
        Map.of(),
        Map.of(),
        status,
        null);
  }

  @Test
  void aLogRotatedAwayIsFollowedByANewFileAtThePathAndNoLineIsLost() throws Exception {
    Path file = folder.resolve("logs/audit.jsonl");
    AuditLog log = new AuditLog(file);
    log.append(entry(200));
    Path rotated = folder.resolve("logs/audit.jsonl.1");
    Files.move(file, rotated);

    log.append(entry(404));

    List<String> old = Files.readAllLines(rotated);
    List<String> fresh = Files.readAllLines(file);
    assertThat(old).hasSize(1);
    assertThat(old.get(0)).contains("\"status\":200");
    assertThat(fresh).hasSize(1);
    assertThat(fresh.get(0)).contains("\"status\":404");
  }
}
