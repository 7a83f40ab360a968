package org.rishe.common.privacy;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a raw identifier by its keyed pseudonym: HMAC-SHA256 of the trimmed identifier under the
 * warehouse's secret, written as 32 hex characters (128 bits). One function for person, family and
 * donor identifiers, so a {@code recipient_id} that names a family joins to the family table
 * exactly as its {@code family_id} does. Without the key the pseudonym cannot be reversed or
 * recomputed from a guessed identifier.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int HEX_CHARACTERS = 32;

  private final byte[] key;
  // a Mac is not thread-safe: one per thread (ingest stages several entities at once)
  private transient ThreadLocal<Mac> macs;

  public Pseudonymizer(byte[] key) {
    requireNonNull(key, "key is null");
    if (key.length < 16) {
      throw new IllegalArgumentException(
          "pseudonym key must be at least 16 bytes, got " + key.length);
    }
    this.key = key.clone();
  }

  /** The pseudonym of an identifier; null stays null. */
  public String pseudonym(String identifier) {
    if (identifier == null) {
      return null;
    }
    ThreadLocal<Mac> local = macs;
    if (local == null) {
      // a race here only makes two ThreadLocals; a Mac is still never shared between threads
      local = ThreadLocal.withInitial(() -> newMac(key));
      macs = local;
    }
    byte[] digest = local.get().doFinal(identifier.trim().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, HEX_CHARACTERS);
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
