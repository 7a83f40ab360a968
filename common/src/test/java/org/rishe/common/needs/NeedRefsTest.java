package org.rishe.common.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Entity;

class NeedRefsTest {
  private static final byte[] SECRET = new byte[32];

  static {
    for (int i = 0; i < SECRET.length; i++) {
      SECRET[i] = (byte) (i * 7 + 1);
    }
  }

  /** The reference computed here from the definition: RFC 4648 base32 of the whole HMAC, cut. */
  private static String expected(byte[] secret, String needId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] digest = mac.doFinal(needId.getBytes(StandardCharsets.UTF_8));
    StringBuilder bits = new StringBuilder();
    for (byte b : digest) {
      bits.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder base32 = new StringBuilder();
    for (int i = 0; i + 5 <= bits.length(); i += 5) {
      base32.append(alphabet.charAt(Integer.parseInt(bits.substring(i, i + 5), 2)));
    }
    return "N" + base32.substring(0, 12);
  }

  @Test
  void aReferenceIsTheBase32OfTheHmacOfTheNeedIdUnderTheSecret() throws Exception {
    NeedRefs refs = new NeedRefs(SECRET);

    for (String id : new String[] {"N1", "N2", "need-2024-0001", "نیاز-۱"}) {
      assertThat(refs.ref(id)).isEqualTo(expected(SECRET, id));
      assertThat(NeedRefs.isWellFormed(refs.ref(id))).isTrue();
    }
    assertThat(refs.ref(null)).isNull();
  }

  @Test
  void referencesAreStableAcrossInstancesDifferPerNeedAndPerSecret() {
    byte[] other = SECRET.clone();
    other[0] ^= 1;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String id = "NEED" + i;
      String ref = new NeedRefs(SECRET).ref(id);
      assertThat(new NeedRefs(SECRET.clone()).ref(id)).isEqualTo(ref);
      assertThat(new NeedRefs(other).ref(id)).isNotEqualTo(ref);
      assertThat(ref).doesNotContain(id);
      seen.add(ref);
    }
    assertThat(seen).hasSize(2000);
    assertThatThrownBy(() -> new NeedRefs(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NeedRefs.isWellFormed("N1")).isFalse();
    assertThat(NeedRefs.isWellFormed("nabcdefghijkl")).isFalse();
  }

  @Test
  void theSecretIsCreatedOnceOwnerOnlyAndKept(@TempDir Path warehouse) throws Exception {
    byte[] first = NeedRefs.loadOrCreateSecret(warehouse);
    byte[] again = NeedRefs.loadOrCreateSecret(warehouse);
    Path file = warehouse.resolve("config/private/need-ref.key");

    assertThat(first).hasSize(32).isEqualTo(again);
    assertThat(Files.readString(file).trim()).hasSize(64);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Files.writeString(file, "not hex\n");
    assertThatThrownBy(() -> NeedRefs.loadOrCreateSecret(warehouse))
        .hasMessageNotContaining("not hex")
        .hasMessageContaining("64 hexadecimal");
  }

  @Test
  void everyKindOfTheContractHasBothLabels() {
    assertThat(NeedKinds.codes())
        .containsExactlyInAnyOrderElementsOf(
            Entity.NEEDS.fields().stream()
                .filter(field -> field.name().equals("kind"))
                .findFirst()
                .orElseThrow()
                .allowed());
    assertThat(NeedKinds.CATALOGUE)
        .allSatisfy(
            kind -> {
              assertThat(kind.labelEn()).isNotBlank();
              assertThat(kind.labelFa()).isNotBlank();
            });
  }
}
