package org.rishe.common.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Finds the pseudonym key: {@code RISHE_PSEUDONYM_KEY} (hex, at least 32 characters) when set,
 * otherwise {@code <warehouse>/config/private/pseudonym.key}, generated on first use with
 * owner-only permissions. Losing the key means new batches no longer join to stored ones, so it is
 * never regenerated once it exists.
 */
public final class PseudonymKeys {
  public static final String ENVIRONMENT_VARIABLE = "RISHE_PSEUDONYM_KEY";

  private PseudonymKeys() {}

  /** The key for a warehouse on the local file system, creating it on first use. */
  public static byte[] loadOrCreate(Path warehouse) {
    Optional<byte[]> fromEnvironment = fromEnvironment();
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    Path file = keyFile(warehouse);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the pseudonym key at " + file, e);
    }
  }

  /** The key from the environment variable, if set. */
  public static Optional<byte[]> fromEnvironment() {
    String value = System.getenv(ENVIRONMENT_VARIABLE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(value.trim(), "environment variable " + ENVIRONMENT_VARIABLE));
  }

  public static Path keyFile(Path warehouse) {
    return warehouse.resolve("config").resolve("private").resolve("pseudonym.key");
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path temporary = Files.createTempFile(file.getParent(), "pseudonym", ".tmp");
    try {
      trySetOwnerOnly(temporary);
      Files.writeString(temporary, HexFormat.of().formatHex(key) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file);
      }
    } catch (FileAlreadyExistsException e) {
      // another process created it first: theirs is the key
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void trySetOwnerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
  }

  private static byte[] parse(String hex, String source) {
    try {
      byte[] key = HexFormat.of().parseHex(hex);
      if (key.length < 16) {
        throw new IllegalArgumentException("too short");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the pseudonym key in "
              + source
              + " is not valid: it must be at least 32 hexadecimal characters. Restore the original key"
              + " (without it, new batches cannot be joined to stored data).");
    }
  }
}
