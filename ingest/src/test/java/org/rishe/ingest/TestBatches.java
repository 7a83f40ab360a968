package org.rishe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small batch files for tests, exactly as given (BOM, CRLF and all). */
final class TestBatches {
  private TestBatches() {}

  static Path write(Path folder, String fileName, String content) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(fileName);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeBytes(Path folder, String fileName, byte[] content) {
    try {
      Files.createDirectories(folder);
      return Files.write(folder.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
