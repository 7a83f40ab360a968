package org.rishe.spark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.spark.TestSparkSessions;

class WarehouseFilesTest {
  @TempDir Path temporary;

  @Test
  void anAtomicWriteOnTheLocalDiskLeavesTheFileAloneWithNoTemporaryNorChecksumBeside()
      throws IOException {
    // the session's own file systems (a bare Configuration would also put Hadoop's local file
    // system in the JVM's file system cache, where the session would then find it)
    WarehouseFiles files =
        new WarehouseFiles(TestSparkSessions.shared().sparkContext().hadoopConfiguration());
    Path report = temporary.resolve("reports/ingest-1.json");

    files.writeAtomically(report.toString(), "{\"first\":1}");
    files.writeAtomically("file://" + report, "{\"second\":2}");

    assertThat(report).hasContent("{\"second\":2}");
    assertThat(files.readText(report.toString())).contains("{\"second\":2}");
    try (Stream<Path> beside = Files.list(report.getParent())) {
      assertThat(beside.map(path -> path.getFileName().toString()))
          .containsExactly("ingest-1.json");
    }
  }
}
