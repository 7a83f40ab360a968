package org.rishe.common.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Finds the pseudonym key, in this order: {@code RISHE_PSEUDONYM_KEY} (hex, at least 32 characters)
 * when set; else the key file given on the command line ({@code --pseudonym-key FILE}); else the
 * file named by {@code RISHE_PSEUDONYM_KEY_FILE}; else {@code
 * <warehouse>/config/private/pseudonym.key}. A key file is generated on first use with owner-only
 * permissions ({@code rw-------} where the file system has POSIX permissions) and written
 * atomically. Losing the key means new batches no longer join to stored ones, so it is never
 * regenerated once it exists.
 *
 * <p>A key inside the warehouse travels with every copy of it, and whoever holds both can
 * re-identify a guessed id (compute its pseudonym and look it up); a key kept elsewhere (a file
 * outside the warehouse, or the variable from a secret store) makes a copied warehouse pseudonymous
 * in earnest.
 */
public final class PseudonymKeys {
  public static final String ENVIRONMENT_VARIABLE = "RISHE_PSEUDONYM_KEY";
  public static final String FILE_ENVIRONMENT_VARIABLE = "RISHE_PSEUDONYM_KEY_FILE";

  /**
   * A key and where it came from.
   *
   * @param source what to name in messages: the variable or the file
   * @param insideWarehouse whether the key is the warehouse's own file (copied with it)
   */
  public record Key(byte[] bytes, String source, boolean insideWarehouse) {}

  private PseudonymKeys() {}

  /**
   * The key by the order above: {@code environment} reads a variable (System::getenv), {@code
   * keyFile} is the command line's file if any, {@code localWarehouse} the warehouse's folder when
   * it is on the local disk. A key file is created on first use.
   *
   * @throws IllegalArgumentException when no source applies (a remote warehouse and no key given)
   */
  public static Key resolve(
      java.util.function.UnaryOperator<String> environment,
      Optional<Path> keyFile,
      Optional<Path> localWarehouse) {
    return resolve(environment, keyFile, localWarehouse, true);
  }

  /**
   * {@link #resolve(java.util.function.UnaryOperator, Optional, Optional)}, creating a missing key
   * file only when {@code create}: a warehouse that already holds pseudonymised rows needs the key
   * they were written with, and a new one in its place would give every identifier another
   * pseudonym ({@link KeyCheck}).
   *
   * @throws IllegalArgumentException when no source applies, or the key file is missing and not to
   *     be created
   */
  public static Key resolve(
      java.util.function.UnaryOperator<String> environment,
      Optional<Path> keyFile,
      Optional<Path> localWarehouse,
      boolean create) {
    String value = environment.apply(ENVIRONMENT_VARIABLE);
    if (value != null && !value.isBlank()) {
      String source = "environment variable " + ENVIRONMENT_VARIABLE;
      return new Key(parse(value.trim(), source), source, false);
    }
    Optional<Path> file = keyFile;
    if (file.isEmpty()) {
      String named = environment.apply(FILE_ENVIRONMENT_VARIABLE);
      if (named != null && !named.isBlank()) {
        file = Optional.of(Path.of(named.trim()));
      }
    }
    if (file.isPresent()) {
      requirePresent(file.get(), create);
      return new Key(loadOrCreateFile(file.get(), false), file.get().toString(), false);
    }
    if (localWarehouse.isEmpty()) {
      throw new IllegalArgumentException(
          "a warehouse that is not on the local disk needs its pseudonym key given: --pseudonym-key"
              + " FILE, "
              + FILE_ENVIRONMENT_VARIABLE
              + " or "
              + ENVIRONMENT_VARIABLE);
    }
    Path own = keyFile(localWarehouse.get());
    requirePresent(own, create);
    return new Key(loadOrCreateFile(own, true), own.toString(), true);
  }

  private static void requirePresent(Path file, boolean create) {
    if (!create && !Files.exists(file)) {
      throw new IllegalArgumentException(KeyCheck.missingKey(file));
    }
  }

  /**
   * The key for a warehouse on the local file system by the order above with no file given on the
   * command line, creating the warehouse's own on first use.
   */
  public static byte[] loadOrCreate(Path warehouse) {
    return resolve(System::getenv, Optional.empty(), Optional.of(warehouse)).bytes();
  }

  /**
   * Reads the key file, creating it first when missing. {@code ownFolder}: the folder is the
   * warehouse's own key folder, made owner-only; a folder the user named is created when missing
   * but an existing one (a home directory) is left as it is.
   */
  private static byte[] loadOrCreateFile(Path file, boolean ownFolder) {
    try {
      if (!Files.exists(file)) {
        SecretFiles.create(file, ownFolder);
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

  /**
   * Writes a new random key to {@code file} unless one is there already ({@link
   * SecretFiles#create}).
   */
  static void create(Path file) throws IOException {
    SecretFiles.create(file, true);
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
