package org.rishe.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void aPseudonymIsTheFirst128BitsOfTheHmacOfTheTrimmedIdentifier() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("P-17".getBytes(StandardCharsets.UTF_8)))
            .substring(0, 32);

    Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

    assertThat(pseudonymizer.pseudonym(" P-17 ")).isEqualTo(expected);
    assertThat(pseudonymizer.pseudonym(null)).isNull();
  }

  @Test
  void threadsSharingOnePseudonymizerGetTheSamePseudonymsAsOneThread() throws Exception {
    Pseudonymizer shared = new Pseudonymizer(KEY);
    Pseudonymizer alone = new Pseudonymizer(KEY);
    List<String> identifiers = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      identifiers.add("P" + i);
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(threads.submit(() -> identifiers.stream().map(shared::pseudonym).toList()));
      }
      List<String> expected = identifiers.stream().map(alone::pseudonym).toList();
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
