package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
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
        .contains("--role must be one of");
  }
}
