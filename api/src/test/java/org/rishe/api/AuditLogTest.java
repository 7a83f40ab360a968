package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

class AuditLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.unlimited(warehouse);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> lines() throws Exception {
    Path log = server.layout.auditLog();
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  private RawHttp.Response get(String target, Role role) {
    return RawHttp.send(server.port(), "GET", target, server.bearer(role));
  }

  @Test
  void aReadOfPersonDerivedDataIsAuditedWithKeyIdRouteParametersStatusAndTime() throws Exception {
    get("/api/v1/problems?lang=fa&limit=2", Role.PLANNER);

    List<String> lines = lines();
    assertThat(lines).hasSize(1);
    JsonNode entry = JSON.readTree(lines.get(0));
    String key = server.keys.get(Role.PLANNER);
    assertThat(key).startsWith("rk_" + entry.get("keyId").asText() + "_");
    assertThat(entry.get("role").asText()).isEqualTo("planner");
    assertThat(entry.get("route").asText()).isEqualTo("/api/v1/problems");
    assertThat(entry.get("method").asText()).isEqualTo("GET");
    assertThat(entry.get("queryParameters").get("lang").get(0).asText()).isEqualTo("fa");
    assertThat(entry.get("queryParameters").get("limit").get(0).asText()).isEqualTo("2");
    assertThat(entry.get("status").asInt()).isEqualTo(200);
    assertThat(entry.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(lines.get(0)).doesNotContain(key);
  }

  @Test
  void aRefusedReadIsAuditedAndAReadWithoutAKeyOrOfAPublicRouteIsNot() throws Exception {
    get("/api/v1/problems", Role.DONOR);
    RawHttp.send(server.port(), "GET", "/api/v1/problems", Map.of());
    RawHttp.send(server.port(), "GET", "/api/v1/health", Map.of());

    List<String> lines = lines();
    assertThat(lines).hasSize(1);
    assertThat(JSON.readTree(lines.get(0)).get("status").asInt()).isEqualTo(403);
    assertThat(JSON.readTree(lines.get(0)).get("role").asText()).isEqualTo("donor");
  }

  @Test
  void eachReadAppendsOneLineAndEarlierLinesStay() throws Exception {
    get("/api/v1/problems", Role.ADMIN);
    String first = lines().get(0);
    get("/api/v1/problems?lang=en", Role.RESEARCHER);
    get("/api/v1/problems?lang='%00", Role.LEADERSHIP);

    List<String> lines = lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(first);
    assertThat(JSON.readTree(lines.get(2)).get("status").asInt()).isEqualTo(400);
  }

  @Test
  void aReadThatCannotBeAuditedIsNotServed() throws Exception {
    // a folder where the log file should be: every append fails
    Files.createDirectories(server.layout.auditLog());

    RawHttp.Response response = get("/api/v1/problems", Role.PLANNER);

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.isProblemJson()).isTrue();
    assertThat(response.body()).doesNotContain("child_labour");
  }
}
