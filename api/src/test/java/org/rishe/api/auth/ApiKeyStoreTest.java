package org.rishe.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
  @TempDir Path folder;

  @Test
  void aBrokenKeyFileKeepsTheKeysReadBeforeAndAFixedOneIsReadAgain() throws Exception {
    Path file = folder.resolve("api-keys.json");
    ApiKeyStore store = new ApiKeyStore(file);
    String planner = store.create(Role.PLANNER, null);
    String researcher = store.create(Role.RESEARCHER, null);
    String good = Files.readString(file);

    // a half-written edit: the server keeps the keys it had
    Files.writeString(file, good.substring(0, good.length() / 2));
    touch(file, 1);
    store.reloadIfChanged();
    assertThat(store.authenticate(planner)).isPresent();
    assertThat(store.authenticate(researcher)).isPresent();

    // the fixed file without the researcher's key: revoked at the next reload
    String researcherId = store.authenticate(researcher).orElseThrow().id();
    String withoutResearcher =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(good)
                    .valueStream()
                    .filter(key -> !key.get("id").asText().equals(researcherId))
                    .toList());
    Files.writeString(file, withoutResearcher);
    touch(file, 2);
    store.reloadIfChanged();
    assertThat(store.authenticate(planner)).isPresent();
    assertThat(store.authenticate(researcher)).isEmpty();
  }

  @Test
  void aServerStartsOnABrokenKeyFileWithNoKeys() throws Exception {
    Path file = folder.resolve("api-keys.json");
    Files.writeString(file, "[{\"id\": ");

    ApiKeyStore store = new ApiKeyStore(file);

    assertThat(store.authenticate("rk_abc_def")).isEmpty();
  }

  /** Moves the file's time on, so a rewrite within the same clock tick still counts as a change. */
  private static void touch(Path file, int seconds) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
  }
}
