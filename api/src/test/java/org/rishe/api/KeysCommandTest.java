package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.common.privacy.KeyCheck;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;

class KeysCommandTest {
  @TempDir Path warehouse;

  @Test
  void createPrintsTheKeyAsLastWordAndStoresOnlyItsHash() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status =
        KeysCommand.run(
            new String[] {"create", "--role", "planner", "--warehouse", warehouse.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    String[] words = out.toString(StandardCharsets.UTF_8).trim().split("\\s+");
    String key = words[words.length - 1];
    assertThat(status).isZero();
    assertThat(key).startsWith("rk_");
    Path stored = new WarehouseLayout(warehouse.toString()).apiKeys();
    assertThat(Files.readString(stored)).doesNotContain(key).doesNotContain(key.substring(16));
    assertThat(new ApiKeyStore(stored).authenticate(key))
        .hasValueSatisfying(k -> assertThat(k.role()).isEqualTo(Role.PLANNER));
  }

  @Test
  void aDonorKeyPseudonymisesItsDonorWithTheKeyFileGivenNotOneInTheWarehouse() throws Exception {
    Path keyFile = warehouse.resolveSibling(warehouse.getFileName() + "-pseudonym.key");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status =
        KeysCommand.run(
            new String[] {
              "create",
              "--role",
              "donor",
              "--donor",
              "D001",
              "--pseudonym-key",
              keyFile.toString(),
              "--warehouse",
              warehouse.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    String[] words = out.toString(StandardCharsets.UTF_8).trim().split("\\s+");
    String expected =
        new Pseudonymizer(HexFormat.of().parseHex(Files.readString(keyFile).trim()))
            .pseudonym("D001");
    Path stored = new WarehouseLayout(warehouse.toString()).apiKeys();
    assertThat(status).isZero();
    assertThat(new ApiKeyStore(stored).authenticate(words[words.length - 1]))
        .hasValueSatisfying(k -> assertThat(k.donorId()).isEqualTo(expected));
    assertThat(PseudonymKeys.keyFile(warehouse)).doesNotExist();
    Files.delete(keyFile);
  }

  @Test
  void demoMakesAKeyPerRoleInOneGoBindingTheDonorAndVolunteerAsTheWarehouseStoresThem()
      throws Exception {
    List<String> lines =
        output("demo", "--donor", "D001", "--volunteer", "VOL-0042").lines().toList();

    Pseudonymizer pseudonyms =
        new Pseudonymizer(
            HexFormat.of().parseHex(Files.readString(PseudonymKeys.keyFile(warehouse)).trim()));
    ApiKeyStore store = new ApiKeyStore(new WarehouseLayout(warehouse.toString()).apiKeys());
    assertThat(lines)
        .extracting(line -> line.split(" ")[0])
        .containsExactly("leadership", "planner", "researcher", "admin", "donor", "volunteer");
    for (String line : lines) {
      String[] words = line.split(" ");
      assertThat(words).hasSize(2);
      assertThat(store.authenticate(words[1]))
          .hasValueSatisfying(
              key -> {
                assertThat(key.role().code()).isEqualTo(words[0]);
                assertThat(key.donorId())
                    .isEqualTo(words[0].equals("donor") ? pseudonyms.pseudonym("D001") : null);
                assertThat(key.volunteerId())
                    .isEqualTo(
                        words[0].equals("volunteer") ? pseudonyms.pseudonym("VOL-0042") : null);
                assertThat(key.expiresAt()).isNull();
              });
    }
    assertThat(output("demo").lines()).hasSize(4);
  }

  @Test
  void aDonorKeyUnderAnotherKeyThanTheStoredRowsIsRefusedAndNoKeyIsMadeBesideThem()
      throws Exception {
    // the warehouse's rows were pseudonymised with a key kept outside it
    Pseudonymizer ingested = new Pseudonymizer(new byte[32]);
    Path reports = Files.createDirectories(warehouse.resolve("reports"));
    Files.writeString(
        reports.resolve("ingest-20261206T082008Z-8913.json"),
        "{\"ingestId\":\"20261206T082008Z-8913\",\"keyCheck\":\""
            + KeyCheck.of(ingested)
            + "\",\"files\":[{\"file\":\"donations.csv\",\"status\":\"loaded\"}]}");
    Path otherKey = warehouse.resolveSibling(warehouse.getFileName() + "-other.key");
    Files.writeString(
        otherKey,
        HexFormat.of()
            .formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int withoutKey =
        KeysCommand.run(
            args("create", "--role", "donor", "--donor", "D001"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int withAnotherKey =
        KeysCommand.run(
            args("demo", "--donor", "D001", "--pseudonym-key", otherKey.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(withoutKey).isEqualTo(1);
    assertThat(withAnotherKey).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no pseudonym key at " + PseudonymKeys.keyFile(warehouse))
        .contains("the pseudonym key from " + otherKey + " is not the one")
        .contains("--pseudonym-key FILE");
    assertThat(PseudonymKeys.keyFile(warehouse)).doesNotExist();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(new ApiKeyStore(new WarehouseLayout(warehouse.toString()).apiKeys()).list())
        .isEmpty();
    Files.delete(otherKey);
  }

  @Test
  void donorKeyNeedsADonorAndUnknownRoleIsRejected() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    int noDonor =
        KeysCommand.run(
            new String[] {"create", "--role", "donor", "--warehouse", warehouse.toString()},
            System.out,
            errors);
    int badRole =
        KeysCommand.run(
            new String[] {"create", "--role", "king", "--warehouse", warehouse.toString()},
            System.out,
            errors);

    assertThat(noDonor).isEqualTo(2);
    assertThat(badRole).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("a donor key needs --donor DONOR_ID")
        .contains("--role must be one of leadership, planner, researcher, donor, volunteer, admin");
  }

  @Test
  void aVolunteerKeyIsBoundToItsVolunteerAsTheWarehouseStoresItAndListingDoesNotShowIt()
      throws Exception {
    String volunteer = created("create", "--role", "volunteer", "--volunteer", "VOL-0042");
    Path stored = new WarehouseLayout(warehouse.toString()).apiKeys();

    // ingest stores volunteer_id as its pseudonym (docs/data-contract.md), so the key holds that
    String expected =
        new Pseudonymizer(
                HexFormat.of().parseHex(Files.readString(PseudonymKeys.keyFile(warehouse)).trim()))
            .pseudonym("VOL-0042");
    assertThat(new ApiKeyStore(stored).authenticate(volunteer))
        .hasValueSatisfying(
            key -> {
              assertThat(key.role()).isEqualTo(Role.VOLUNTEER);
              assertThat(key.volunteerId()).isEqualTo(expected);
              assertThat(key.donorId()).isNull();
            });
    String id = volunteer.split("_")[1];
    assertThat(output("list")).contains(id + "  volunteer").doesNotContain("VOL-0042");
    String rotated = created("rotate", id);
    assertThat(new ApiKeyStore(stored).authenticate(rotated))
        .hasValueSatisfying(key -> assertThat(key.volunteerId()).isEqualTo(expected));
  }

  @Test
  void volunteerIsOnlyForAVolunteerKeyAndAVolunteerKeyNeedsOne() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    int noVolunteer = KeysCommand.run(args("create", "--role", "volunteer"), System.out, errors);
    int blank =
        KeysCommand.run(
            args("create", "--role", "volunteer", "--volunteer", " "), System.out, errors);
    int plannerWithVolunteer =
        KeysCommand.run(
            args("create", "--role", "planner", "--volunteer", "V1"), System.out, errors);
    int volunteerWithDonor =
        KeysCommand.run(
            args("create", "--role", "volunteer", "--volunteer", "V1", "--donor", "D1"),
            System.out,
            errors);

    assertThat(List.of(noVolunteer, blank, plannerWithVolunteer, volunteerWithDonor))
        .containsOnly(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("a volunteer key needs --volunteer VOLUNTEER_ID")
        .contains("--volunteer is only for --role volunteer")
        .contains("--donor is only for --role donor");
    assertThat(new WarehouseLayout(warehouse.toString()).apiKeys()).doesNotExist();
  }

  @Test
  void listRevokeAndRotateWorkOnTheStoredKeysAndAnExpiredKeyIsRefused() throws Exception {
    String planner = created("create", "--role", "planner");
    String researcher = created("create", "--role", "researcher", "--expires", "2999-01-01");
    Path stored = new WarehouseLayout(warehouse.toString()).apiKeys();
    String plannerId = planner.split("_")[1];
    String researcherId = researcher.split("_")[1];

    String listing = output("list");
    assertThat(listing)
        .contains(plannerId + "  planner")
        .contains(researcherId + "  researcher")
        .contains("2999-01-01T00:00:00Z")
        .doesNotContain(planner)
        .doesNotContain(researcher);

    String rotated = created("rotate", researcherId);
    ApiKeyStore store = new ApiKeyStore(stored);
    assertThat(store.authenticate(researcher)).isEmpty();
    assertThat(store.authenticate(rotated))
        .hasValueSatisfying(
            key -> {
              assertThat(key.role()).isEqualTo(Role.RESEARCHER);
              assertThat(key.expiresAt()).isEqualTo("2999-01-01T00:00:00Z");
            });

    assertThat(output("revoke", plannerId)).contains("Revoked key " + plannerId);
    assertThat(new ApiKeyStore(stored).authenticate(planner)).isEmpty();
    assertThat(KeysCommand.run(args("revoke", plannerId), System.out, System.err)).isEqualTo(1);

    // a key whose expiry has passed: written as an older version of the file could hold it
    String json = Files.readString(stored);
    Files.writeString(stored, json.replace("2999-01-01T00:00:00Z", "2001-01-01T00:00:00Z"));
    assertThat(new ApiKeyStore(stored).authenticate(rotated)).isEmpty();
    assertThat(output("list")).contains("2001-01-01T00:00:00Z (expired)");
  }

  @Test
  void aRevokedKeyIsRefusedByARunningServerWithinTwoSeconds() throws Exception {
    try (ServedWarehouse server = new ServedWarehouse(warehouse)) {
      String planner = created("create", "--role", "planner");
      assertThat(server.get("/api/v1/health", planner).statusCode()).isEqualTo(200);
      assertThat(server.get("/api/v1/problems", planner).statusCode()).isNotEqualTo(401);

      output("revoke", planner.split("_")[1]);
      long revoked = System.nanoTime();
      int status = 0;
      while (System.nanoTime() - revoked < 3_000_000_000L) {
        status = server.get("/api/v1/problems", planner).statusCode();
        if (status == 401) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(status).isEqualTo(401);
      assertThat((System.nanoTime() - revoked) / 1e9).isLessThan(2.0);
    }
  }

  @Test
  void aBrokenKeyFileNeverDisablesARunningServerAndTheFixedOneRevokesWithinTwoSeconds()
      throws Exception {
    try (ServedWarehouse server = new ServedWarehouse(warehouse)) {
      String planner = created("create", "--role", "planner");
      String researcher = created("create", "--role", "researcher");
      assertThat(server.get("/api/v1/me", planner).statusCode()).isEqualTo(200);
      Path stored = new WarehouseLayout(warehouse.toString()).apiKeys();
      String good = Files.readString(stored);

      // a half-written edit: two refreshes later both keys still work
      Files.writeString(stored, good.substring(0, good.length() / 2));
      Files.setLastModifiedTime(stored, FileTime.from(Instant.now().plusSeconds(1)));
      Thread.sleep(4_500);
      assertThat(server.get("/api/v1/me", planner).statusCode()).isEqualTo(200);
      assertThat(server.get("/api/v1/me", researcher).statusCode()).isEqualTo(200);
      assertThat(server.get("/api/v1/health", null).statusCode()).isEqualTo(200);

      // fixed, without the researcher's key: refused at the next refresh, the planner still served
      String researcherId = researcher.split("_")[1];
      String fixed =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsString(
                  new com.fasterxml.jackson.databind.ObjectMapper()
                      .readTree(good)
                      .valueStream()
                      .filter(key -> !key.get("id").asText().equals(researcherId))
                      .toList());
      Files.writeString(stored, fixed);
      Files.setLastModifiedTime(stored, FileTime.from(Instant.now().plusSeconds(2)));
      long fixedAt = System.nanoTime();
      int status = 0;
      while (System.nanoTime() - fixedAt < 3_000_000_000L) {
        status = server.get("/api/v1/me", researcher).statusCode();
        if (status == 401) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(status).isEqualTo(401);
      assertThat((System.nanoTime() - fixedAt) / 1e9).isLessThan(2.0);
      assertThat(server.get("/api/v1/me", planner).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anExpiryMustBeAFutureDate() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(
            KeysCommand.run(
                args("create", "--role", "planner", "--expires", "soon"), System.out, errors))
        .isEqualTo(2);
    assertThat(
            KeysCommand.run(
                args("create", "--role", "planner", "--expires", "2001-01-01"), System.out, errors))
        .isEqualTo(2);
    assertThat(KeysCommand.run(args("revoke"), System.out, errors)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--expires must be a date written YYYY-MM-DD")
        .contains("is not in the future")
        .contains("revoke needs the key's id");
  }

  private String[] args(String... words) {
    String[] all = java.util.Arrays.copyOf(words, words.length + 2);
    all[words.length] = "--warehouse";
    all[words.length + 1] = warehouse.toString();
    return all;
  }

  private String output(String... words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        KeysCommand.run(
            args(words), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(status).as(String.join(" ", words)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs an action that prints a key as its last word, and returns the key. */
  private String created(String... words) {
    String[] printed = output(words).trim().split("\\s+");
    return printed[printed.length - 1];
  }
}
