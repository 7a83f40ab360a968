package org.rishe.common.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where everything lives in a warehouse (docs/architecture.md, "Warehouse layout"). The root is a
 * local path or any Hadoop-compatible URI; every location is derived here and nowhere else.
 */
public record WarehouseLayout(String root) implements Serializable {
  public static final String ENVIRONMENT_VARIABLE = "RISHE_WAREHOUSE";
  public static final String DEFAULT_ROOT = "warehouse";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public WarehouseLayout {
    requireNonNull(root, "root is null");
    if (root.isBlank()) {
      throw new IllegalArgumentException("warehouse root is blank");
    }
    if (!root.contains("://") && !root.startsWith("file:")) {
      root = Path.of(root).toAbsolutePath().normalize().toString();
    }
    while (root.length() > 1 && root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  /** The warehouse named by {@code --warehouse}, else {@code RISHE_WAREHOUSE}, else ./warehouse. */
  public static WarehouseLayout resolve(String option) {
    if (option != null && !option.isBlank()) {
      return new WarehouseLayout(option);
    }
    String environment = System.getenv(ENVIRONMENT_VARIABLE);
    return new WarehouseLayout(
        environment == null || environment.isBlank() ? DEFAULT_ROOT : environment);
  }

  /** Whether the root is on the local file system (config and keys need one). */
  public boolean isLocal() {
    return !root.contains("://") || root.startsWith("file:");
  }

  /** The local path of the root; only for a local warehouse. */
  public Path localRoot() {
    if (!isLocal()) {
      throw new IllegalStateException("warehouse " + root + " is not on the local file system");
    }
    return Path.of(root.startsWith("file:") ? java.net.URI.create(root).getPath() : root);
  }

  /** The folder of every curated table. */
  public String curatedRoot() {
    return root + "/curated";
  }

  public String curated(String entity) {
    return root + "/curated/" + entity;
  }

  public String quarantine(String entity) {
    return root + "/quarantine/" + entity;
  }

  public String reports() {
    return root + "/reports";
  }

  public String ingestReport(String ingestId) {
    return reports() + "/ingest-" + ingestId + ".json";
  }

  public String staging(String ingestId) {
    return stagingRoot() + "/" + ingestId;
  }

  public String results() {
    return root + "/results";
  }

  public String run(String runId) {
    return results() + "/" + runId;
  }

  public String runTable(String runId, String table) {
    return run(runId) + "/" + table;
  }

  public String runManifest(String runId) {
    return run(runId) + "/run.json";
  }

  public String latest() {
    return results() + "/LATEST";
  }

  /**
   * The secret the needs board's public references are computed with (32 random bytes in hex,
   * created by the first analyze run that needs it): {@code config/private/need-ref.key}, beside
   * the pseudonym key.
   */
  public String needRefSecret() {
    return root + "/config/private/need-ref.key";
  }

  /** API keys, stored hashed; local warehouses only. */
  public Path apiKeys() {
    return localRoot().resolve("config").resolve("api-keys.json");
  }

  /** API audit log; local warehouses only. */
  public Path auditLog() {
    return localRoot().resolve("logs").resolve("audit.jsonl");
  }

  /**
   * The volunteers' registered interests in programmes, an append-only log the API writes (one
   * record a line, each synced to disk before the request is answered); local warehouses only.
   */
  public Path interestLog() {
    return localRoot().resolve("logs").resolve("interests.jsonl");
  }

  /**
   * The donors' pledges to needs, an append-only log the API writes (one record a line, each synced
   * to disk before the request is answered); local warehouses only.
   */
  public Path pledgeLog() {
    return localRoot().resolve("logs").resolve("pledges.jsonl");
  }

  /** A new sortable identifier for an ingest or a results run: time plus a random suffix. */
  /**
   * When an id of {@link #newId} was made, or empty for a name that is not such an id (a folder
   * someone else put there).
   */
  public static Optional<Instant> idTime(String id) {
    int dash = id.indexOf('-');
    try {
      return Optional.of(Instant.from(ID_TIME.parse(dash < 0 ? id : id.substring(0, dash))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  public String stagingRoot() {
    return root + "/_staging";
  }

  public static String newId(Instant now) {
    byte[] suffix = new byte[2];
    ThreadLocalRandom.current().nextBytes(suffix);
    return ID_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix);
  }
}
