package org.rishe.api.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * API keys kept in {@code <warehouse>/config/api-keys.json}, hashed. A key reads {@code
 * rk_<id>_<secret>}: the id finds the entry, the SHA-256 of the whole key must match its hash
 * (compared in constant time). The secret carries 256 random bits, so a fast hash is enough: a slow
 * password hash protects guessable secrets, which these are not. The file is re-read when it
 * changes, so a key created while the server runs works at once.
 */
public final class ApiKeyStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private volatile Map<String, ApiKey> byId = Map.of();
  private volatile FileTime loadedModified;
  private volatile long loadedSize = -1;
  // the file version that failed to read, so that it is reported once and not re-read every tick
  private FileTime brokenModified;
  private long brokenSize = -1;

  public ApiKeyStore(Path file) {
    this.file = requireNonNull(file, "file is null");
    reloadIfChanged();
  }

  /**
   * Creates a key, stores its hash and returns the key itself: the only time it is ever shown.
   * {@code subject} is the donor of a donor key or the volunteer of a volunteer key, as the
   * warehouse stores it ({@link ApiKey}); null for the other roles.
   */
  public synchronized String create(Role role, String subject) {
    return create(role, subject, null);
  }

  /**
   * Creates a key that stops working at {@code expiresAt} (null: never), stores its hash and
   * returns the key itself: the only time it is ever shown. {@code subject} as in {@link
   * #create(Role, String)}.
   */
  public synchronized String create(Role role, String subject, Instant expiresAt) {
    reloadIfChanged();
    Minted minted = mint(role, subject, expiresAt == null ? null : expiresAt.toString());
    List<ApiKey> keys = new ArrayList<>(byId.values());
    keys.add(minted.stored());
    replaceAll(keys);
    return minted.key();
  }

  /** A new key: what is stored of it and the key itself. */
  private record Minted(ApiKey stored, String key) {}

  private static Minted mint(Role role, String subject, String expiresAt) {
    byte[] idBytes = new byte[6];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secret);
    String id = HexFormat.of().formatHex(idBytes);
    String key = "rk_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Minted(
        ApiKey.of(id, role, subject, sha256(key), Instant.now().toString(), expiresAt), key);
  }

  /** The stored keys but the one with that id, as a list to change. */
  private List<ApiKey> keysWithout(String id) {
    List<ApiKey> keys = new ArrayList<>(byId.values());
    keys.removeIf(key -> key.id().equals(id));
    return keys;
  }

  private void replaceAll(List<ApiKey> keys) {
    write(keys);
    byId = keys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::id, Function.identity()));
  }

  /** Every stored key (never a secret), oldest first. */
  public synchronized List<ApiKey> list() {
    reloadIfChanged();
    return byId.values().stream()
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
        .toList();
  }

  /**
   * Removes a key; a server using this file refuses it from its next reload (within two seconds).
   * Returns whether the key existed.
   */
  public synchronized boolean revoke(String id) {
    reloadIfChanged();
    if (!byId.containsKey(id)) {
      return false;
    }
    replaceAll(keysWithout(id));
    return true;
  }

  /**
   * Replaces a key by a new one with the same role, donor or volunteer and expiry, in one write:
   * the old key stops working when the new one starts. Returns the new key, or empty when no key
   * has that id.
   */
  public synchronized Optional<String> rotate(String id) {
    reloadIfChanged();
    ApiKey old = byId.get(id);
    if (old == null) {
      return Optional.empty();
    }
    Minted minted = mint(old.role(), old.subject(), old.expiresAt());
    List<ApiKey> keys = keysWithout(id);
    keys.add(minted.stored());
    replaceAll(keys);
    return Optional.of(minted.key());
  }

  /** The stored key a presented key proves, if any. */
  public Optional<ApiKey> authenticate(String presented) {
    if (presented == null || !presented.startsWith("rk_") || presented.length() > 200) {
      return Optional.empty();
    }
    int separator = presented.indexOf('_', 3);
    if (separator < 0) {
      return Optional.empty();
    }
    String id = presented.substring(3, separator);
    ApiKey key = byId.get(id);
    if (key == null) {
      // a key created by `rishe keys create` since the last timer reload
      reloadIfChanged();
      key = byId.get(id);
    }
    if (key == null) {
      return Optional.empty();
    }
    boolean matches =
        MessageDigest.isEqual(
            key.hash().getBytes(StandardCharsets.US_ASCII),
            sha256(presented).getBytes(StandardCharsets.US_ASCII));
    return matches && !key.expiredAt(Instant.now()) ? Optional.of(key) : Optional.empty();
  }

  /**
   * Re-reads the file when it changed on disk. A file that cannot be read or parsed (a half-edited
   * copy, say) is reported once on standard error and the keys read last stay in force: a broken
   * file never disables the server, and a revocation written next is picked up as soon as the file
   * reads again.
   */
  public synchronized void reloadIfChanged() {
    FileTime modified;
    long size;
    try {
      if (!Files.exists(file)) {
        byId = Map.of();
        loadedModified = null;
        return;
      }
      modified = Files.getLastModifiedTime(file);
      size = Files.size(file);
    } catch (IOException e) {
      warnOnce(null, -1, "cannot read the API keys in " + file + ": " + e.getMessage());
      return;
    }
    if ((modified.equals(loadedModified) && size == loadedSize)
        || (modified.equals(brokenModified) && size == brokenSize)) {
      return;
    }
    try {
      List<ApiKey> keys = JSON.readValue(file.toFile(), new TypeReference<List<ApiKey>>() {});
      byId = keys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::id, Function.identity()));
      loadedModified = modified;
      loadedSize = size;
      brokenModified = null;
    } catch (IOException | RuntimeException e) {
      warnOnce(
          modified,
          size,
          "cannot read the API keys in "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); the "
              + byId.size()
              + " keys read before stay in force until the file is fixed");
    }
  }

  private void warnOnce(FileTime modified, long size, String message) {
    if (modified != null && modified.equals(brokenModified) && size == brokenSize) {
      return;
    }
    brokenModified = modified;
    brokenSize = size;
    System.err.println("rishe serve: " + message);
  }

  private void write(List<ApiKey> keys) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "api-keys", ".tmp");
      Files.writeString(temporary, JSON.writeValueAsString(keys), StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      loadedModified = Files.getLastModifiedTime(file);
      loadedSize = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the API keys to " + file, e);
    }
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lowercase hex digits. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
