package org.rishe.spark.localfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.AbstractFileSystem;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.spark.TestSparkSessions;

/**
 * The session's {@code file:} file systems are the java.nio ones, set permissions and read link
 * status as Hadoop's own do, keep the rename semantics Delta's commits rely on, and a Delta and a
 * Parquet write through them start no {@code chmod}, {@code readlink}, {@code stat} or {@code ls}.
 */
class NioLocalFileSystemTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @TempDir Path temporary;

  @Test
  void aModesNineLowBitsArePosixPermissionsAndAHigherBitIsLeftToHadoop() {
    assertThat(NioRawLocalFileSystem.posix((short) 0755))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(NioRawLocalFileSystem.posix((short) 0640))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(NioRawLocalFileSystem.posix((short) 0)).isEmpty();
    assertThat(NioRawLocalFileSystem.posix((short) 01777)).isNull();
    assertThat(NioRawLocalFileSystem.posix((short) 04755)).isNull();
  }

  @Test
  void theSessionsFileSystemsAreTheNioOnes() throws IOException {
    Configuration configuration = spark.sessionState().newHadoopConf();
    assertThat(FileSystem.get(temporary.toUri(), configuration))
        .isInstanceOf(NioLocalFileSystem.class);
    assertThat(AbstractFileSystem.get(temporary.toUri(), configuration))
        .isInstanceOf(NioLocalFs.class);
  }

  @Test
  void permissionsAndLinkStatusAreHadoopsOwn() throws IOException {
    Configuration configuration = new Configuration();
    NioRawLocalFileSystem nio = new NioRawLocalFileSystem();
    nio.initialize(temporary.toUri(), configuration);
    RawLocalFileSystem hadoop = new RawLocalFileSystem();
    hadoop.initialize(temporary.toUri(), configuration);

    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(temporary.toUri() + "/a.txt");
    nio.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null).close();
    assertThat(Files.getPosixFilePermissions(temporary.resolve("a.txt")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    nio.setPermission(file, new FsPermission((short) 0604));
    assertThat(Files.getPosixFilePermissions(temporary.resolve("a.txt")))
        .isEqualTo(PosixFilePermissions.fromString("rw----r--"));
    // a directory's mode has the umask applied (022 by default), as Hadoop's does
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(temporary.toUri() + "/d/e");
    assertThat(nio.mkdirs(folder, new FsPermission((short) 0777))).isTrue();
    assertThat(Files.getPosixFilePermissions(temporary.resolve("d/e")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));

    Files.createSymbolicLink(temporary.resolve("link"), temporary.resolve("a.txt"));
    org.apache.hadoop.fs.Path link = new org.apache.hadoop.fs.Path(temporary.toUri() + "/link");
    for (org.apache.hadoop.fs.Path path : List.of(file, folder, link)) {
      FileStatus expected = hadoop.getFileLinkStatus(path);
      FileStatus actual = nio.getFileLinkStatus(path);
      assertThat(actual.getPath()).as("%s", path).isEqualTo(expected.getPath());
      assertThat(actual.isDirectory()).as("%s", path).isEqualTo(expected.isDirectory());
      assertThat(actual.isSymlink()).as("%s", path).isEqualTo(expected.isSymlink());
      assertThat(actual.getLen()).as("%s", path).isEqualTo(expected.getLen());
    }
    org.apache.hadoop.fs.Path missing = new org.apache.hadoop.fs.Path(temporary.toUri() + "/no");
    assertThatThrownBy(() -> nio.getFileLinkStatus(missing))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  @Test
  void aRenameOntoAnExistingFileFailsAsDeltasCommitsNeed() throws IOException {
    FileContext files =
        FileContext.getFileContext(temporary.toUri(), spark.sessionState().newHadoopConf());
    org.apache.hadoop.fs.Path first = new org.apache.hadoop.fs.Path(temporary.toUri() + "/1.tmp");
    org.apache.hadoop.fs.Path second = new org.apache.hadoop.fs.Path(temporary.toUri() + "/2.tmp");
    org.apache.hadoop.fs.Path commit = new org.apache.hadoop.fs.Path(temporary.toUri() + "/0.json");
    for (org.apache.hadoop.fs.Path path : List.of(first, second)) {
      files.create(path, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE)).close();
    }
    files.rename(first, commit, Options.Rename.NONE);
    assertThat(Files.exists(temporary.resolve("0.json"))).isTrue();
    assertThatThrownBy(() -> files.rename(second, commit, Options.Rename.NONE))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void deltaAndParquetWritesStartNoChildProcess() throws IOException {
    Path recorded = temporary.resolve("processes.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart");
      recording.start();
      spark.range(100).repartition(2).write().format("delta").save(temporary + "/delta");
      spark.range(100).write().parquet(temporary + "/parquet");
      assertThat(spark.read().format("delta").load(temporary + "/delta").count()).isEqualTo(100);
      recording.stop();
      recording.dump(recorded);
    }
    List<String> commands = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recorded)) {
      String command = event.getString("command");
      if (command.matches("(chmod|readlink|stat|ls) .*")) {
        commands.add(command);
      }
    }
    assertThat(commands).isEmpty();
  }
}
