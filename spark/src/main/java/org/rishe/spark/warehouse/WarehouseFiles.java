package org.rishe.spark.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Small-file I/O on the warehouse and batch folders through Hadoop's FileSystem, so the same code
 * works on a local disk, HDFS or an object store. Every checked exception is wrapped once, with the
 * path.
 */
public final class WarehouseFiles {
  private final Configuration configuration;

  public WarehouseFiles(Configuration configuration) {
    this.configuration = requireNonNull(configuration, "configuration is null");
  }

  private FileSystem fileSystem(Path path) {
    try {
      return path.getFileSystem(configuration);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the file system of " + path, e);
    }
  }

  public boolean exists(String location) {
    Path path = new Path(location);
    try {
      return fileSystem(path).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + location, e);
    }
  }

  public boolean isDirectory(String location) {
    Path path = new Path(location);
    try {
      return fileSystem(path).getFileStatus(path).isDirectory();
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + location, e);
    }
  }

  /** Names of the plain files directly inside a folder, sorted. */
  public List<String> listFileNames(String folder) {
    Path path = new Path(folder);
    try {
      List<String> names = new ArrayList<>();
      for (FileStatus status : fileSystem(path).listStatus(path)) {
        if (status.isFile()) {
          names.add(status.getPath().getName());
        }
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** Names of the folders directly inside a folder, sorted. */
  public List<String> listDirectoryNames(String folder) {
    Path path = new Path(folder);
    try {
      List<String> names = new ArrayList<>();
      for (FileStatus status : fileSystem(path).listStatus(path)) {
        if (status.isDirectory()) {
          names.add(status.getPath().getName());
        }
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** The SHA-256 of a file's bytes, in lower-case hex. */
  public String sha256(String location) {
    try (InputStream in = open(location)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** The bytes of every file under a folder, 0 when there is no such folder. */
  public long totalBytes(String folder) {
    Path path = new Path(folder);
    try {
      FileSystem fileSystem = fileSystem(path);
      return fileSystem.exists(path) ? fileSystem.getContentSummary(path).getLength() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + folder, e);
    }
  }

  /** The size of a file in bytes. */
  public long length(String location) {
    Path path = new Path(location);
    try {
      return fileSystem(path).getFileStatus(path).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + location, e);
    }
  }

  /**
   * Rows in the Parquet folder a Spark write left, summed from each data file's footer: no Spark
   * job, and no data read. Files whose names start with {@code _} or {@code .} (Spark's markers and
   * checksums) are not data.
   */
  public long parquetRows(String folder) {
    Path path = new Path(folder);
    try {
      long rows = 0;
      for (FileStatus status : fileSystem(path).listStatus(path)) {
        String name = status.getPath().getName();
        if (status.isFile()
            && name.endsWith(".parquet")
            && !name.startsWith("_")
            && !name.startsWith(".")) {
          try (ParquetFileReader reader =
              ParquetFileReader.open(HadoopInputFile.fromStatus(status, configuration))) {
            rows += reader.getRecordCount();
          }
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Parquet footers in " + folder, e);
    }
  }

  public InputStream open(String location) {
    Path path = new Path(location);
    try {
      return fileSystem(path).open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + location, e);
    }
  }

  public Optional<String> readText(String location) {
    if (!exists(location)) {
      return Optional.empty();
    }
    try (InputStream in = open(location)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /**
   * Writes a whole file so that readers see either the old content or the new, never a part: the
   * text goes to a hidden temporary file beside it, which is then renamed over the target.
   */
  public void writeAtomically(String location, String text) {
    Path target = new Path(location);
    String hidden = "." + target.getName() + "." + System.nanoTime() + ".tmp";
    FileSystem fs = fileSystem(target);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (fs instanceof org.apache.hadoop.fs.LocalFileSystem || "file".equals(fs.getScheme())) {
      // wholly through java.nio: Hadoop's local file system would leave the temporary file's
      // checksum (..NAME.tmp.crc) behind once java.nio had moved the file itself
      java.nio.file.Path to = java.nio.file.Path.of(fs.makeQualified(target).toUri());
      java.nio.file.Path temporary = to.resolveSibling(hidden);
      try {
        java.nio.file.Files.createDirectories(to.getParent());
        java.nio.file.Files.write(temporary, bytes);
        java.nio.file.Files.move(
            temporary,
            to,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + location, e);
      } finally {
        try {
          java.nio.file.Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // best effort: a stray hidden temporary file is harmless
        }
      }
      return;
    }
    Path temporary = new Path(target.getParent(), hidden);
    try {
      fs.mkdirs(target.getParent());
      try (OutputStream out = fs.create(temporary, true)) {
        out.write(bytes);
        out.flush();
      }
      fs.delete(target, false);
      if (!fs.rename(temporary, target)) {
        throw new IOException("rename of " + temporary + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location, e);
    } finally {
      try {
        fs.delete(temporary, false);
      } catch (IOException ignored) {
        // best effort: a stray hidden temporary file is harmless
      }
    }
  }

  public void deleteRecursively(String location) {
    Path path = new Path(location);
    try {
      fileSystem(path).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location, e);
    }
  }
}
