package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and their values held in memory up to a limit and in sorted temporary files past it. */
class SpillingMultimapTest {

  @Test
  void withinTheLimitNothingIsWrittenToDisk(@TempDir Path folder) {
    try (SpillingMultimap map = new SpillingMultimap(3, Integer.MAX_VALUE, folder)) {
      map.add("1", "u1");
      map.add("2", "u2");
      map.add("1", "v1");
      map.finish();

      assertThat(map.spilled()).isFalse();
      assertThat(map.files()).isEmpty();
      assertThat(map.get("1")).containsExactly("u1", "v1");
      assertThat(map.get("3")).isEmpty();
    }
  }

  @Test
  void pastTheLimitAKeysValuesKeepTheirOrderAcrossRunsAndTheFilesGoOnClose(@TempDir Path folder) {
    SpillingMultimap map = new SpillingMultimap(1, Integer.MAX_VALUE, folder);
    // one value a run: 200 runs, merged 64 at a time, then once more into the file read
    for (int i = 0; i < 200; i++) {
      map.add("k" + (i % 50), "v" + i);
    }
    map.add("zz", "last");
    map.add("a b\tc\n", "تهران");
    map.finish();

    assertThat(map.spilled()).isTrue();
    assertThat(map.files()).hasSize(1);
    assertThat(map.get("k7")).containsExactly("v7", "v57", "v107", "v157");
    assertThat(map.get("k49")).containsExactly("v49", "v99", "v149", "v199");
    assertThat(map.get("zz")).containsExactly("last");
    assertThat(map.get("a b\tc\n")).containsExactly("تهران");
    assertThat(map.get("A")).isEmpty(); // sorts before every key
    assertThat(map.get("k7x")).isEmpty();
    assertThat(map.get("zzz")).isEmpty();
    map.close();
    assertThat(map.files()).isEmpty();
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void aKeyKeepsAtMostItsCapOfValuesInMemoryAndOnDisk(@TempDir Path folder) {
    try (SpillingMultimap memory = new SpillingMultimap(100, 2, folder);
        SpillingMultimap disk = new SpillingMultimap(1, 2, folder)) {
      for (SpillingMultimap map : List.of(memory, disk)) {
        for (int i = 0; i < 5; i++) {
          map.add("u1", "");
        }
        map.add("u2", "");
        map.finish();
      }

      assertThat(disk.spilled()).isTrue();
      for (SpillingMultimap map : List.of(memory, disk)) {
        assertThat(map.get("u1")).hasSize(2);
        assertThat(map.get("u2")).hasSize(1);
      }
    }
  }
}
