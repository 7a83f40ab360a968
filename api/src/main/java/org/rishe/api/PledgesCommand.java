package org.rishe.api;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.pledges.PledgeLog;

/**
 * {@code rishe pledges export [--out FILE]}: the donors' pledges to needs as CSV, for the charity's
 * case system ({@link LogExport}).
 */
public final class PledgesCommand {
  static final String USAGE =
      """
      Usage: rishe pledges export [--out FILE] [--warehouse DIR]

      export   writes every pledge donors made to a need (POST /api/v1/needs/{ref}/pledges), oldest
               first, as CSV: pledge_id, need_id (as in the needs file), donor_id (as the warehouse
               stores it: the keyed pseudonym the donor's key was made for, the form of
               donations.donor_id), amount (empty for a need without an amount, pledged whole),
               currency, pledged_at (UTC); RFC 4180, UTF-8, CRLF, a header line

        --out FILE        write the CSV to FILE (replaced whole, at once) instead of standard output
        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse); a local one, where
                          the API keeps <warehouse>/logs/pledges.jsonl""";

  static final List<String> COLUMNS =
      List.of("pledge_id", "need_id", "donor_id", "amount", "currency", "pledged_at");

  private static final LogExport EXPORT =
      new LogExport(
          "pledges",
          USAGE,
          "pledges",
          COLUMNS,
          layout -> PledgeLog.read(layout.pledgeLog()).stream().map(PledgesCommand::row).toList());

  private PledgesCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return EXPORT.run(args, out, err);
  }

  private static Map<String, Object> row(Pledge pledge) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pledge_id", pledge.pledgeId());
    row.put("need_id", pledge.needId());
    row.put("donor_id", pledge.donorId());
    // 400000 rather than 400000.0 or 4.0E5: as a case system reads an amount
    row.put(
        "amount",
        pledge.amount() == null
            ? null
            : BigDecimal.valueOf(pledge.amount()).stripTrailingZeros().toPlainString());
    row.put("currency", pledge.currency());
    row.put("pledged_at", pledge.pledgedAt());
    return row;
  }
}
