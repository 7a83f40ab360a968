package org.rishe.spark.localfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's {@link RawLocalFileSystem} that sets permissions and reads link status in this process
 * ({@code java.nio}) instead of running {@code chmod} and {@code readlink}. A permission with a bit
 * that POSIX file attributes cannot express (sticky, set-id), a file store without POSIX
 * attributes, and a path that is a symbolic link keep Hadoop's own way.
 */
public class NioRawLocalFileSystem extends RawLocalFileSystem {
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  @Override
  public void setPermission(Path path, FsPermission permission) throws IOException {
    Set<PosixFilePermission> posix = posix(permission.toShort());
    if (posix == null) {
      super.setPermission(path, permission);
      return;
    }
    try {
      Files.setPosixFilePermissions(pathToFile(path).toPath(), posix);
    } catch (UnsupportedOperationException e) {
      super.setPermission(path, permission);
    }
  }

  /**
   * Hadoop's answer for a path that is not a symbolic link is its file status; it runs {@code
   * readlink} only to find out whether the path is one.
   */
  @Override
  public FileStatus getFileLinkStatus(Path path) throws IOException {
    if (Files.isSymbolicLink(pathToFile(path).toPath())) {
      return super.getFileLinkStatus(path);
    }
    return getFileStatus(path);
  }

  /** The POSIX permissions of a mode's nine low bits; null when it has a higher bit set. */
  static Set<PosixFilePermission> posix(short mode) {
    if ((mode & ~0777) != 0) {
      return null;
    }
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(BITS[bit]);
      }
    }
    return permissions;
  }
}
