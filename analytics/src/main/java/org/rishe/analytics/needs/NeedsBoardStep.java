package org.rishe.analytics.needs;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.donations.JourneyTransforms;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.needs.NeedRefs;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * The analyze step behind {@code GET /needs}: the anonymised needs board. Only reads, sequences and
 * writes; the work is in {@link NeedsBoardTransforms}.
 */
public final class NeedsBoardStep implements AnalysisStep {
  static final String METHOD =
      "needs open or pledged; need_ref = 'N' + the first 12 base32 characters of"
          + " HMAC-SHA256(warehouse secret, need_id); days_open and age band counted to the day"
          + " judged on; age band (cube bands) and sex of consenting people only, with group_size ="
          + " distinct people with a need on the board in the same region x kind x programme x age"
          + " band x sex (the API serves age band and sex only where it is at least k)";

  @Override
  public String name() {
    return "needs board";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(
        Entity.NEEDS, Entity.PEOPLE, Entity.FAMILIES, Entity.DONATIONS, Entity.AID_EVENTS);
  }

  @Override
  public List<String> publishes() {
    return List.of(ResultTables.NEEDS_BOARD);
  }

  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    CuratedInputs inputs = context.inputs();
    LocalDate asOf =
        NeedsBoardTransforms.asOf(
            inputs.table(Entity.NEEDS),
            JourneyTransforms.latestActivity(
                inputs.table(Entity.DONATIONS), inputs.table(Entity.AID_EVENTS)));
    NeedRefs refs = new NeedRefs(secret(context.publisher().layout(), context.publisher().files()));
    context
        .publisher()
        .write(
            ResultTables.NEEDS_BOARD,
            NeedsBoardTransforms.board(
                inputs.table(Entity.NEEDS),
                inputs.table(Entity.PEOPLE),
                inputs.table(Entity.FAMILIES),
                asOf,
                refs));
    context.recordMethod(ResultTables.NEEDS_BOARD, METHOD + "; judged on " + asOf);
  }

  /**
   * The warehouse's need reference secret ({@link WarehouseLayout#needRefSecret()}), created on
   * first use: on a local disk owner-only and never replacing one another process wrote first; on a
   * remote warehouse written atomically through Hadoop's file system. Its content is never logged.
   */
  static byte[] secret(WarehouseLayout layout, WarehouseFiles files) {
    if (layout.isLocal()) {
      return NeedRefs.loadOrCreateSecret(layout.localRoot());
    }
    String location = layout.needRefSecret();
    Optional<String> stored = files.readText(location);
    if (stored.isEmpty()) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      files.writeAtomically(location, HexFormat.of().formatHex(secret) + "\n");
      stored = files.readText(location);
    }
    return NeedRefs.parse(stored.orElseThrow(), "the warehouse's " + NeedRefs.SECRET_FILE);
  }
}
