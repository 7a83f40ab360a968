package org.rishe.common.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The warehouse's secret files ({@code config/private/}: the pseudonym key, the need reference
 * secret): 32 random bytes in hex, created once, owner-only, written atomically, never replaced.
 */
public final class SecretFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private SecretFiles() {}

  /** {@link #create} in the warehouse's own owner-only folder. */
  public static void createOwnerOnly(Path file) throws IOException {
    create(file, true);
  }

  /**
   * Writes a new random key to {@code file} unless one is there already. The key is written and
   * synced to a temporary file in the same folder, created owner-only, and only then linked to its
   * name, so the name never shows a half-written key, and a key another process published first is
   * kept, never replaced: theirs is the key. On a POSIX file system the file is {@code rw-------}
   * and its folder {@code rwx------}; elsewhere the file system's own permissions apply.
   */
  public static void create(Path file, boolean ownFolder) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (ownFolder || !Files.isDirectory(folder)) {
      createFolder(folder, posix);
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path temporary =
        posix
            ? Files.createTempFile(
                folder, "secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
            : Files.createTempFile(folder, "secret", ".tmp");
    try {
      if (posix) {
        // the creation mode passes through the umask: set it again, exactly
        Files.setPosixFilePermissions(temporary, OWNER_ONLY_FILE);
      }
      ByteBuffer content =
          ByteBuffer.wrap((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.UTF_8));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        while (content.hasRemaining()) {
          channel.write(content);
        }
        channel.force(true);
      }
      publish(temporary, file);
      syncFolder(folder);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Creates the key's folder owner-only, or makes the existing one owner-only. */
  private static void createFolder(Path folder, boolean posix) throws IOException {
    if (!posix) {
      Files.createDirectories(folder);
      return;
    }
    Files.createDirectories(folder.getParent());
    try {
      Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(folder)) {
        throw e;
      }
    }
    Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
  }

  /**
   * Gives the written temporary file the key's name without replacing a key that is there: a hard
   * link is atomic and fails when the name exists. Where links are not supported, an atomic move
   * after checking that no key exists.
   */
  private static void publish(Path temporary, Path file) throws IOException {
    try {
      Files.createLink(file, temporary);
      return;
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first: theirs is the key
    } catch (UnsupportedOperationException | IOException e) {
      // no hard links here: move instead
    }
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      try {
        Files.move(temporary, file);
      } catch (FileAlreadyExistsException exists) {
        // another process created it first: theirs is the key
      }
    }
  }

  /** Makes the new name durable where a folder can be synced (not on every platform). */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the key's content is synced already
    }
  }
}
