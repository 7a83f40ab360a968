package org.rishe.api.results;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run the API serves: the one {@code results/LATEST} names. {@link #refresh()} (called on a
 * timer) loads a newer run completely before swapping it in, so a request sees the old run or the
 * new one, never a mixture; a run that fails to load leaves the current one in place.
 */
public final class ResultsStore {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WarehouseLayout layout;
  private final AtomicReference<PublishedRun> current = new AtomicReference<>();
  private final List<Consumer<PublishedRun>> preparers = new CopyOnWriteArrayList<>();

  public ResultsStore(WarehouseLayout layout) {
    this.layout = requireNonNull(layout, "layout is null");
  }

  /** The run being served, if any run was ever published. */
  public Optional<PublishedRun> current() {
    return Optional.ofNullable(current.get());
  }

  /**
   * Runs {@code preparer} on every newer run after it is read and before it is served (e.g. to
   * build in-memory indexes once per run); if it throws, the run is not served, like a run that
   * fails to load.
   */
  public void beforeServing(Consumer<PublishedRun> preparer) {
    preparers.add(requireNonNull(preparer, "preparer is null"));
  }

  /** Loads the run LATEST points at if it is not the one being served; true when it changed. */
  public synchronized boolean refresh() {
    Path results = layout.localRoot().resolve("results");
    Path latest = results.resolve("LATEST");
    try {
      if (!Files.exists(latest)) {
        return false;
      }
      String runId = Files.readString(latest, StandardCharsets.UTF_8).trim();
      PublishedRun serving = current.get();
      if (runId.isEmpty() || (serving != null && serving.runId().equals(runId))) {
        return false;
      }
      Path runFolder = results.resolve(runId);
      JsonNode manifest = JSON.readTree(runFolder.resolve(ResultTables.MANIFEST).toFile());
      PublishedRun run =
          RunLoader.load(
              runFolder, runId, manifest.path("publishedAt").asText(null), ageRange(manifest));
      preparers.forEach(preparer -> preparer.accept(run));
      current.set(run);
      LOG.info("serving results run {}", runId);
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "could not load the latest results run; still serving {}: {}",
          current.get() == null ? "nothing" : current.get().runId(),
          e.getMessage());
      return false;
    }
  }

  /** The run's age range in scope, from its manifest's parameters; null when they lack it. */
  private static RootCauseResults.AgeRange ageRange(JsonNode manifest) {
    JsonNode minimum = manifest.path("parameters").path("minimumAge");
    JsonNode maximum = manifest.path("parameters").path("maximumAge");
    return minimum.canConvertToInt() && maximum.canConvertToInt()
        ? new RootCauseResults.AgeRange(minimum.intValue(), maximum.intValue())
        : null;
  }
}
