package org.rishe.common.needs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.privacy.SecretFiles;

/**
 * The public reference of a need on the needs board: {@code N} and the first 12 characters (60
 * bits) of the RFC 4648 base32 of HMAC-SHA256(secret, need_id), e.g. {@code NK3QZ7WD2MFA6}. The
 * secret is 32 random bytes kept in the warehouse ({@code config/private/need-ref.key}), so a need
 * keeps its reference from run to run, and a reference tells nothing of the need id behind it to
 * whoever does not hold the secret (nor can a guessed need id be checked against it).
 */
public final class NeedRefs implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every reference starts with it. */
  public static final String PREFIX = "N";

  /** Characters after the prefix: 12 base32 characters, 60 bits. */
  public static final int LENGTH = 12;

  /** The file name of the secret, in the warehouse's {@code config/private/}. */
  public static final String SECRET_FILE = "need-ref.key";

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  // HMAC-SHA256 under the secret, as the pseudonyms are computed (the identifier trimmed)
  private final Pseudonymizer hmac;

  public NeedRefs(byte[] secret) {
    requireNonNull(secret, "secret is null");
    if (secret.length < 32) {
      throw new IllegalArgumentException(
          "the need reference secret must be 32 bytes, got " + secret.length);
    }
    this.hmac = new Pseudonymizer(secret);
  }

  /** The reference of a need; null stays null. */
  public String ref(String needId) {
    if (needId == null) {
      return null;
    }
    // the pseudonym is the HMAC's first 16 bytes in hex: its first 64 bits hold the 60 we need
    long bits = Long.parseUnsignedLong(hmac.pseudonym(needId).substring(0, 16), 16);
    StringBuilder ref = new StringBuilder(PREFIX);
    for (int i = 0; i < LENGTH; i++) {
      ref.append(BASE32.charAt((int) ((bits >>> (59 - 5 * i)) & 31)));
    }
    return ref.toString();
  }

  /** Whether {@code text} has the shape of a reference (not whether it names a need). */
  public static boolean isWellFormed(String text) {
    return text != null && text.matches(PREFIX + "[A-Z2-7]{" + LENGTH + "}");
  }

  /**
   * The secret of a warehouse on the local disk, {@code <warehouse>/config/private/need-ref.key},
   * created on first use (32 random bytes in hex, owner-only, written atomically and never replaced
   * once there, as the pseudonym key is).
   */
  public static byte[] loadOrCreateSecret(Path warehouse) {
    Path file = secretFile(warehouse);
    try {
      if (!Files.exists(file)) {
        SecretFiles.createOwnerOnly(file);
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the need reference secret", e);
    }
  }

  public static Path secretFile(Path warehouse) {
    return warehouse.resolve("config").resolve("private").resolve(SECRET_FILE);
  }

  /** The secret from its file's text: 64 hexadecimal characters. */
  public static byte[] parse(String hex, String source) {
    try {
      byte[] secret = HexFormat.of().parseHex(hex.trim());
      if (secret.length >= 32) {
        return secret;
      }
    } catch (IllegalArgumentException e) {
      // reported below, without the file's content
    }
    throw new IllegalArgumentException(
        "the need reference secret in "
            + source
            + " is not 64 hexadecimal characters; restore it from a backup (a new one would"
            + " give every need a new reference)");
  }
}
