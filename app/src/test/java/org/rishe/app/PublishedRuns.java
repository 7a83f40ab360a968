package org.rishe.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rishe.common.warehouse.WarehouseLayout;

/** Reads {@code results/LATEST} of a local warehouse. */
final class PublishedRuns {
  private PublishedRuns() {}

  static String latest(WarehouseLayout layout) {
    try {
      return Files.readString(Path.of(layout.latest()), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + layout.latest(), e);
    }
  }
}
